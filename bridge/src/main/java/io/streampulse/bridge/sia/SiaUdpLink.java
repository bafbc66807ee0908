package io.streampulse.bridge.sia;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** UDP to the receiver: one datagram per frame each way, answers taken only from the receiver's address. */
final class SiaUdpLink implements SiaLink {

    private static final int MAX_DATAGRAM = 2048;

    private final String host;
    private final int port;
    private InetSocketAddress target;
    private DatagramSocket socket;

    SiaUdpLink(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void send(String frame) throws IOException {
        if (socket == null) {
            socket = new DatagramSocket();
        }
        if (target == null || target.isUnresolved()) {
            target = new InetSocketAddress(host, port); // resolved here, so a failed lookup is retried next time
            if (target.isUnresolved()) {
                throw new IOException("cannot resolve " + host);
            }
        }
        byte[] bytes = SiaFrameEncoder.bytes(frame);
        socket.send(new DatagramPacket(bytes, bytes.length, target));
    }

    @Override
    public String receive(Duration timeout) throws IOException {
        if (socket == null) {
            throw new SocketException("nothing sent yet");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (true) {
            long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) remainingMillis);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            if (packet.getAddress().equals(target.getAddress()) && packet.getPort() == target.getPort()) {
                return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
            }
        }
    }

    @Override
    public void reset() {
        // connectionless: the socket stays, so a late answer to an earlier try is still read (and matched by seq)
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
