package io.streampulse.bridge.sia;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DC-09 receiver written from the standard for tests: TCP and UDP listeners on free ports of 127.0.0.1; every
 * frame is checked (LF/CR, length, CRC, header), decrypted with the account key and read again with pysiaalarm's
 * grammar ({@link PysiaalarmGrammar}; what it would not parse is NAKed as a format error); a timestamp outside the
 * receiver's window (40 s behind to 20 s ahead of its own clock, pysiaalarm's default) gets a NAK carrying the
 * receiver's time; otherwise an ACK echoing sequence, R (only when sent), L and account, encrypted when the
 * message was. A frame that fails its checks gets no answer. Scriptable: NAK the next n, DUH, stay silent, drop
 * the next n datagrams, close the TCP connection after the next answer, run the clock off by an offset.
 */
public final class FakeSiaReceiver implements AutoCloseable {

    static final Duration WINDOW_BEHIND = Duration.ofSeconds(40);
    static final Duration WINDOW_AHEAD = Duration.ofSeconds(20);

    /** One frame that passed the checks. */
    public record Received(SiaFrame frame, boolean encrypted, String transport, long atNanos) {
    }

    private final SiaCipher cipher;
    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final SplittableRandom random = new SplittableRandom(1);
    // not copy-on-write: a bench run appends ~10,000 frames, and a copy per append was quadratic
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger nakNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicBoolean duh = new AtomicBoolean();
    private final AtomicBoolean silent = new AtomicBoolean();
    private final AtomicBoolean closeAfterAnswer = new AtomicBoolean();
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile boolean recording = true;

    public FakeSiaReceiver(String hexKey) throws IOException {
        this.cipher = hexKey == null ? null : SiaCipher.fromHex(hexKey);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        tcp = new ServerSocket(0, 50, loopback);
        udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        daemon("fake-sia-accept", this::acceptLoop);
        daemon("fake-sia-udp", this::udpLoop);
    }

    public int tcpPort() {
        return tcp.getLocalPort();
    }

    int udpPort() {
        return udp.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Off: frames are answered but not kept in {@link #received}. The bench turns it off: ten thousand frames kept
     * per run were most of what its fakes' JVM copied in each young GC (pauses of 20-28 ms every ~3 s that every
     * receiver waited out), i.e. the fake's cost counted as the bridge's latency.
     */
    public void recording(boolean on) {
        recording = on;
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    int connectionsAccepted() {
        return connections.size();
    }

    void nakNext(int count) {
        nakNext.set(count);
    }

    void dropNextDatagrams(int count) {
        dropNext.set(count);
    }

    void answerDuh(boolean on) {
        duh.set(on);
    }

    void silent(boolean on) {
        silent.set(on);
    }

    void closeAfterNextAnswer() {
        closeAfterAnswer.set(true);
    }

    void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    Instant now() {
        return Instant.now().plus(clockOffset);
    }

    /** The answer to {@code text}, or null for none (bad frame, or silent). */
    private String answer(String text, String transport) {
        SiaFrameDecoder.Decoded decoded;
        try {
            decoded = SiaFrameDecoder.decode(text, cipher);
        } catch (SiaFrameException e) {
            rejected.add(e.getMessage());
            return null;
        }
        SiaFrame frame = decoded.frame();
        String grammar = frame.id().equals(SiaFrame.SIA_DCS) || frame.id().equals(SiaFrame.ADM_CID)
                || frame.id().equals(SiaFrame.NULL) ? PysiaalarmGrammar.problem(text, cipher) : "not a message";
        if (grammar != null) {
            rejected.add(grammar);
            return SiaFrameEncoder.wrap("\"NAK\"0000R0L0A0[]" + SiaTimestamp.format(now()));
        }
        if (recording) {
            received.add(new Received(frame, decoded.encrypted(), transport, System.nanoTime()));
        }
        if (silent.get()) {
            return null;
        }
        Instant now = now();
        boolean outsideWindow = frame.timestamp() == null || frame.timestamp().isBefore(now.minus(WINDOW_BEHIND))
                || frame.timestamp().isAfter(now.plus(WINDOW_AHEAD));
        if (nakNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || outsideWindow) {
            return SiaFrameEncoder.wrap("\"NAK\"0000R0L0A0[]" + SiaTimestamp.format(now));
        }
        String id = duh.get() ? SiaFrame.DUH : SiaFrame.ACK;
        SiaFrame reply = new SiaFrame(id, frame.sequence(), frame.receiver(), frame.line(), frame.account(), "",
                decoded.encrypted() ? now : null);
        return decoded.encrypted() ? SiaFrameEncoder.encode(reply, cipher, random) : SiaFrameEncoder.encode(reply);
    }

    private void acceptLoop() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                connections.add(socket);
                daemon("fake-sia-conn", () -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream()); // not a syscall per byte
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                frame.write(b);
                if (b != '\r') {
                    continue;
                }
                String reply = answer(frame.toString(StandardCharsets.US_ASCII), "TCP");
                frame.reset();
                if (reply != null) {
                    out.write(reply.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (closeAfterAnswer.getAndSet(false)) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the sender dropped the connection
        }
    }

    private void udpLoop() {
        byte[] buffer = new byte[2048];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    continue; // lost on the way
                }
                String reply = answer(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII),
                        "UDP");
                if (reply != null) {
                    byte[] bytes = reply.getBytes(StandardCharsets.US_ASCII);
                    udp.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        udp.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
