package io.streampulse.bridge.sia;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One persistent TCP connection to the receiver, opened on the first send and again after a failure. Frames are
 * read up to their closing CR, whatever the segmenting, through a buffer: unbuffered, each byte of an answer was a
 * read system call of its own (about 50 per ACK), on the thread that holds the link while the next alarm waits.
 */
final class SiaTcpLink implements SiaLink {

    /** Longer than any DC-09 frame (LF + 8 + 0FFF + CR): a peer sending more without a CR is not a receiver. */
    private static final int MAX_FRAME = 4200;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SiaTcpLink(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void send(String frame) throws IOException {
        if (socket == null) {
            Socket fresh = new Socket();
            try {
                fresh.setTcpNoDelay(true);
                fresh.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            } catch (IOException e) {
                fresh.close();
                throw e;
            }
            socket = fresh;
            in = new BufferedInputStream(fresh.getInputStream(), MAX_FRAME);
            out = fresh.getOutputStream();
        }
        out.write(SiaFrameEncoder.bytes(frame)); // one write: the whole frame in one segment (no delay set)
        out.flush();
    }

    @Override
    public String receive(Duration timeout) throws IOException {
        if (socket == null) {
            throw new IOException("not connected");
        }
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("receiver closed the connection");
            }
            if (frame.size() == 0 && b != '\n') {
                continue; // noise between frames (pysiaalarm answers a bad CRC with a bare LF CR)
            }
            frame.write(b);
            if (frame.size() > MAX_FRAME) {
                throw new IOException("answer longer than " + MAX_FRAME + " bytes without a CR");
            }
            if (b == '\r') {
                return frame.toString(StandardCharsets.US_ASCII);
            }
        }
    }

    @Override
    public void reset() {
        close();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
