package io.streampulse.bridge.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP front on a fixed port that pipes each connection to a back port, and can cut every connection at once.
 * Why: j2mod's slave keeps serving connections it accepted even after it is closed, so closing it does not look
 * like a power-cycled relay board; cutting here does (the master sees its connection drop, as with a real board).
 */
final class ConnectionFront implements AutoCloseable {

    private final ServerSocket server;
    private final int backPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    ConnectionFront(int frontPort, int backPort) throws IOException {
        this.server = new ServerSocket(frontPort, 50, InetAddress.getByName("127.0.0.1"));
        this.backPort = backPort;
        Thread acceptor = new Thread(this::accept, "front-" + frontPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Drops every open connection, both sides. */
    void cutAll() {
        for (Socket socket : open) {
            close(socket);
        }
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket back = new Socket(InetAddress.getByName("127.0.0.1"), backPort);
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

    @Override
    public void close() {
        cutAll();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
