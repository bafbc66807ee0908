package io.streampulse.webgui.support;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bridge as the webgui sees it, from bridge/api (DeviceEvents, ReceiversController, DevicesController):
 * {@code /api/devices/events} (a {@code snapshot} DeviceState per device, then {@code device} and {@code alert}),
 * {@code /api/receivers} and {@code /health}. Its /health also stands in for the publisher's and the streamer's
 * (the shared HealthReport shape).
 */
public final class FakeBridgeFeed implements AutoCloseable {

    public static final String EVENTS = "/api/devices/events";

    private final FakeSseServer server = new FakeSseServer();
    private final Map<String, String> devices = new TreeMap<>();

    public FakeBridgeFeed() throws IOException {
        server.events(EVENTS, this::opening);
        server.json("/api/receivers", () -> "[{\"name\":\"chekt\",\"enabled\":false,\"queued\":0,\"healthy\":true,"
                + "\"health\":{\"enabled\":false}},{\"name\":\"sia\",\"enabled\":true,\"queued\":0,\"healthy\":true,"
                + "\"health\":{\"target\":\"127.0.0.1:12128\",\"last_answer\":\"ACK seq 0001\",\"last_error\":\"\"}}]");
        server.json("/health", () -> "{\"status\":\"UP\",\"service\":\"bridge\",\"pid\":1,\"uptime_seconds\":5,"
                + "\"components\":{\"redis\":{\"status\":\"UP\",\"details\":{}}}}");
    }

    public URI url() {
        return server.url();
    }

    /** DeviceState as the bridge's serde writes it (snake_case; nulls left out). */
    public static String doorJson(String id, String name, String state, int battery, long lastSeenMillis) {
        String active = state.equals("open") ? "[\"OPEN\"]" : "[]";
        return "{\"device_id\":" + FakeMonitorFeed.quote(id) + ",\"name\":" + FakeMonitorFeed.quote(name)
                + ",\"type\":\"DoorSensor\",\"kind\":\"DOOR\",\"state\":\"" + state + "\",\"active\":" + active
                + ",\"battery_percent\":" + battery + ",\"signal_dbm\":-77,\"last_seen_millis\":" + lastSeenMillis
                + ",\"online\":true,\"attributes\":{\"version\":\"0645\"}}";
    }

    public synchronized void change(String id, String json) {
        devices.put(id, json);
        server.publish(EVENTS, FakeSseServer.event("device", json));
    }

    public int subscribers() {
        return server.subscribers(EVENTS);
    }

    private synchronized String opening() {
        StringBuilder out = new StringBuilder();
        devices.values().forEach(json -> out.append(FakeSseServer.event("snapshot", json)));
        return out.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
