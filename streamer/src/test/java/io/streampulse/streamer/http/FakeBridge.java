package io.streampulse.streamer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The bridge's device API as the streamer's README states it: {@code GET /api/devices} (JSON array) and the
 * event stream {@code /api/devices/events} as the bridge sends it: a {@code snapshot} per device on connect,
 * then {@code device} events.
 */
public final class FakeBridge implements AutoCloseable {

    private final HttpServer server;
    private final List<OutputStream> subscribers = new CopyOnWriteArrayList<>();
    private volatile String devices;

    public FakeBridge(String devicesJson) throws IOException {
        this.devices = devicesJson;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/devices/events", this::events);
        server.createContext("/api/devices", exchange -> {
            byte[] body = devices.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (JsonNode device : new ObjectMapper().readTree(devices)) { // the bridge: one snapshot per device
            out.write(("event: snapshot\ndata: " + device + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        subscribers.add(out);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many followers are subscribed to the event stream (a test sends events once one is). */
    public int followers() {
        return subscribers.size();
    }

    /** Sends one {@code device} event to every follower. */
    public void device(String json) {
        for (OutputStream out : subscribers) {
            try {
                out.write(("event: device\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                subscribers.remove(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
