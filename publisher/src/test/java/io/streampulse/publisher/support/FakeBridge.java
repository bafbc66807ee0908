package io.streampulse.publisher.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampulse.testkit.FreePorts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny real HTTP server that speaks the bridge's {@code GET /api/devices} (a JSON array of DeviceState, by id)
 * and {@code /api/devices/events} (a {@code snapshot} per device on connect, then {@code id}-numbered
 * {@code device} events), as bridge/api/DevicesController and DeviceEvents write them. It can stop and start
 * again on the same port, to play a bridge restart.
 */
public final class FakeBridge implements AutoCloseable {

    private final int port = FreePorts.next();
    private final Map<String, String> devices = new TreeMap<>();
    private final SseSubscribers subscribers = new SseSubscribers();
    private HttpServer server;
    private ExecutorService threads;
    private CountDownLatch stopped;
    private long ids;

    public FakeBridge() throws IOException {
        start();
    }

    public synchronized void start() throws IOException {
        stopped = new CountDownLatch(1);
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(threads);
        server.createContext("/api/devices", this::devices);
        server.start();
    }

    /** Stops serving and drops every open event stream (a bridge going down). */
    public synchronized void stop() {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
        subscribers.clear();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The bridge's DeviceState JSON (snake_case; nulls left out, as Micronaut serde writes them). */
    public static String doorJson(String id, String name, String state, int battery, long lastSeenMillis) {
        String active = state.equals("open") ? "[\"OPEN\"]" : "[]";
        return "{\"device_id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"DoorSensor\",\"kind\":\"DOOR\","
                + "\"state\":\"" + state + "\",\"active\":" + active + ",\"battery_percent\":" + battery
                + ",\"signal_dbm\":-77,\"last_seen_millis\":" + lastSeenMillis + ",\"online\":true,"
                + "\"attributes\":{\"version\":\"0645\"}}";
    }

    /** Sets a device's state: new subscribers get it in their snapshot, current ones as a {@code device} event. */
    public synchronized void change(String id, String json) {
        devices.put(id, json);
        subscribers.broadcast("id: " + (++ids) + "\nevent: device\ndata: " + json + "\n\n");
    }

    /** Forgets a device (the next /api/devices and snapshot leave it out; the live feed says nothing). */
    public synchronized void remove(String id) {
        devices.remove(id);
    }

    public int subscribers() {
        return subscribers.size();
    }

    private void devices(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/devices/events")) {
            events(exchange);
            return;
        }
        byte[] body;
        synchronized (this) {
            body = ("[" + String.join(",", devices.values()) + "]").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        CountDownLatch until;
        synchronized (this) {
            StringBuilder opening = new StringBuilder();
            devices.values().forEach(json -> opening.append("event: snapshot\ndata: ").append(json).append("\n\n"));
            subscribers.add(out, opening.toString());
            until = stopped;
        }
        try {
            until.await(); // keep the stream open until the server stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }


    @Override
    public void close() {
        stop();
    }
}
