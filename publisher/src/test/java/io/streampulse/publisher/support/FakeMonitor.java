package io.streampulse.publisher.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampulse.testkit.FreePorts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny real HTTP server that speaks the monitor's {@code /api/events} (ready, a snapshot per stream, then live
 * heartbeat/state events) and {@code /api/status} (a body the test sets). Stands in for the monitor, whose jar
 * (javacv natives, SQLite) is far heavier than what these tests need to prove.
 */
public final class FakeMonitor implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> streams = new LinkedHashMap<>();
    private final SseSubscribers subscribers = new SseSubscribers();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String statusBody = "{}";
    private long ids;

    public FakeMonitor() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        server.setExecutor(threads);
        server.createContext("/api/events", this::events);
        server.createContext("/api/status", this::status);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The monitor's StreamStatus JSON for a stream (snake_case, epoch milliseconds). */
    public static String streamJson(String id, String name, String state, long since, long latency, String message) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"state\":\"" + state + "\",\"since\":" + since
                + ",\"ts\":" + since + ",\"latency_ms\":" + latency + ",\"message\":\"" + message
                + "\",\"kind\":\"RTSP\",\"important\":true,\"details\":{}}";
    }

    /** Sets a stream's state: new subscribers get it in their snapshot; current ones as heartbeat + state. */
    public synchronized void change(String id, String json) {
        streams.put(id, json);
        long id1 = ++ids;
        subscribers.broadcast("id: " + id1 + "\nevent: heartbeat\ndata: " + json + "\n\n"
                + "id: " + id1 + "s\nevent: state\ndata: " + json + "\n\n");
    }

    public void statusBody(String body) {
        statusBody = body;
    }

    public String statusBodyNow() {
        return statusBody;
    }

    public int subscribers() {
        return subscribers.size();
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        synchronized (this) {
            StringBuilder opening = new StringBuilder("event: ready\ndata: {\"streams\":" + streams.size() + "}\n\n");
            streams.values().forEach(json -> opening.append("event: snapshot\ndata: ").append(json).append("\n\n"));
            subscribers.add(out, opening.toString());
        }
        try {
            stopped.await(); // keep the stream open until the server stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        byte[] body = statusBody.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }


    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
