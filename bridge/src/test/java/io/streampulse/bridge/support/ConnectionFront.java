package io.streampulse.bridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP front on a fixed port that pipes each connection to a back port (a real peer: a receiver, a relay board),
 * can cut every connection at once, and can take the port down and up again. Why: j2mod's slave keeps serving
 * connections it accepted even after it is closed, so closing it does not look like a power-cycled relay board;
 * cutting here does. {@link #down()} is a receiver switched off (connections refused) while the peer behind keeps
 * what it received, so a test can check what it got before, during and after the outage.
 */
public final class ConnectionFront implements AutoCloseable {

    private final int frontPort;
    private final int backPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    public ConnectionFront(int frontPort, int backPort) throws IOException {
        this.frontPort = frontPort;
        this.backPort = backPort;
        up();
    }

    public int port() {
        return frontPort;
    }

    /** Drops every open connection, both sides. */
    public void cutAll() {
        for (Socket socket : open) {
            close(socket);
        }
        open.clear();
    }

    /** Stops listening and drops every connection: connects are refused until {@link #up()}. */
    public void down() {
        closeServer();
        cutAll();
    }

    /** Listens on the same port again. */
    public synchronized void up() throws IOException {
        ServerSocket fresh = new ServerSocket();
        fresh.setReuseAddress(true);
        fresh.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), frontPort), 50);
        server = fresh;
        Thread acceptor = new Thread(() -> accept(fresh), "front-" + frontPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket back = new Socket(InetAddress.getByName("127.0.0.1"), backPort);
                client.setTcpNoDelay(true);
                back.setTcpNoDelay(true);
                open.add(client);
                open.add(back);
                pipe(client, back);
                pipe(back, client);
            } catch (IOException e) {
                // closed, or the back end is not up: the client sees its connection close
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away; close both below
            } finally {
                close(from);
                close(to);
            }
        }, "pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        down();
    }
}
