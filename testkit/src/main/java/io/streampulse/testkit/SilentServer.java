package io.streampulse.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on a free 127.0.0.1 port that accepts connections and never answers: the hung camera, whose
 * kernel completes the handshake while the firmware is stuck. Variants answer fixed bytes first (a server that
 * is not what the client expects) or reset every connection at once. Everything clients send is recorded.
 * Why: timeouts, garbage and resets must be tested against a real socket, and what a client sends (for
 * instance, no credentials in a request line) can only be checked where it arrives.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] greeting;
    private final boolean reset;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentServer(byte[] greeting, boolean reset) {
        this.greeting = greeting.clone();
        this.reset = reset;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1", e);
        }
        acceptor = new Thread(this::acceptLoop, "silent-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts, records what arrives, never sends a byte. */
    public static SilentServer start() {
        return new SilentServer(new byte[0], false);
    }

    /** Sends {@code bytes} as soon as a client connects, then records and stays silent (connection kept open). */
    public static SilentServer answering(byte[] bytes) {
        return new SilentServer(bytes, false);
    }

    /** Accepts and resets every connection at once (SO_LINGER 0: RST instead of FIN). */
    public static SilentServer resetting() {
        return new SilentServer(new byte[0], true);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (reset) {
                    socket.setSoLinger(true, 0);
                    socket.close();
                    continue;
                }
                connections.add(socket);
                socket.getOutputStream().write(greeting);
                socket.getOutputStream().flush();
                Thread reader = new Thread(() -> record(socket), "silent-server-read-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                // closed by close(), or a client that left at once: keep accepting while open
            }
        }
    }

    private void record(Socket socket) {
        byte[] buffer = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the connection ended
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Everything clients sent so far, all connections in arrival order, as ISO-8859-1 text. */
    public String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Connections accepted and still held open (not counting reset ones). */
    public int openConnections() {
        return (int) connections.stream().filter(s -> !s.isClosed()).count();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "silent-server@127.0.0.1:" + port();
    }
}
