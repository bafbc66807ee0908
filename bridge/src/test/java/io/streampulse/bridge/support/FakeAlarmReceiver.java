package io.streampulse.bridge.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The other end of {@link HttpReceiver}: records every POSTed event id; answers 503 while down, 200 when up. */
public final class FakeAlarmReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile boolean up;

    public FakeAlarmReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/alarm", exchange -> {
            String id = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = up;
            (ok ? acknowledged : refused).add(id);
            exchange.sendResponseHeaders(ok ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alarm";
    }

    public void up(boolean up) {
        this.up = up;
    }

    public List<String> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    public List<String> refused() {
        return new ArrayList<>(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
