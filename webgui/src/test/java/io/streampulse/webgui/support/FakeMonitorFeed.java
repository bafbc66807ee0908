package io.streampulse.webgui.support;

import io.streampulse.testkit.FakeSseServer;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The monitor as the webgui sees it, from monitor/api (EventsController, StatusController, LegacyStatus) and
 * monitor/live (StreamEvents, StreamStatus): {@code /api/events} ({@code ready} {"streams": n}, a {@code snapshot}
 * per stream, then {@code heartbeat} and {@code state} with StreamStatus JSON), {@code /api/status} (keyed by name,
 * with id, uptime_24h and thumbnail) and {@code /api/streams/{id}/thumbnail.jpg}.
 */
public final class FakeMonitorFeed implements AutoCloseable {

    public static final String EVENTS = "/api/events";
    private final FakeSseServer server = new FakeSseServer();
    /** id → StreamStatus JSON */
    private final Map<String, String> streams = new TreeMap<>();
    private final Map<String, String> names = new TreeMap<>();

    public FakeMonitorFeed() throws IOException {
        server.events(EVENTS, this::opening);
        server.json("/api/status", this::status);
        byte[] jpeg = picture();
        server.document("/api/streams/", "image/jpeg", () -> jpeg);
    }

    public URI url() {
        return server.url();
    }

    /** StreamStatus as the monitor's serde writes it: snake_case, epoch ms, null fields left out. */
    public static String streamJson(String id, String name, String state, long ts, Long latencyMs, String message) {
        return "{\"id\":" + FakeSseServer.quote(id) + ",\"name\":" + FakeSseServer.quote(name) + ",\"state\":\""
                + state + "\",\"since\":" + ts + ",\"ts\":" + ts
                + (latencyMs == null ? "" : ",\"latency_ms\":" + latencyMs)
                + ",\"message\":" + FakeSseServer.quote(message)
                + ",\"kind\":\"HTTP\",\"important\":true,\"details\":{}}";
    }

    /** A stream's new state: in the snapshot of later subscribers, and as heartbeat + state to current ones. */
    public synchronized void change(String id, String name, String json) {
        streams.put(id, json);
        names.put(id, name);
        server.publish(EVENTS, FakeSseServer.event("heartbeat", json) + FakeSseServer.event("state", json));
    }

    /** Only a heartbeat (no state change), as for most checks. */
    public synchronized void heartbeat(String id, String name, String json) {
        streams.put(id, json);
        names.put(id, name);
        server.publish(EVENTS, FakeSseServer.event("heartbeat", json));
    }

    public int subscribers() {
        return server.subscribers(EVENTS);
    }

    private synchronized String opening() {
        StringBuilder out = new StringBuilder(FakeSseServer.event("ready", "{\"streams\":" + streams.size() + "}"));
        streams.values().forEach(json -> out.append(FakeSseServer.event("snapshot", json)));
        return out.toString();
    }

    private synchronized String status() {
        return names.entrySet().stream().map(e -> FakeSseServer.quote(e.getValue())
                        + ":{\"ts\":\"\",\"status\":\"ok\",\"latency\":null,\"message\":\"\",\"id\":"
                        + FakeSseServer.quote(e.getKey()) + ",\"state\":\"UP\","
                        + "\"since\":null,\"uptime_24h\":0.9875,\"thumbnail\":\"/api/streams/" + e.getKey()
                        + "/thumbnail.jpg\"}")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** a small grey JPEG, as the monitor keeps the latest frame */
    private static byte[] picture() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(96, 54,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.close();
    }
}
