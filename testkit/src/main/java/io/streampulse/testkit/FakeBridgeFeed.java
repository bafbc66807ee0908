package io.streampulse.testkit;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bridge's read API as the other processes use it, from bridge/api (DevicesController, DeviceEvents,
 * ReceiversController): {@code GET /api/devices} (a JSON array of DeviceState), {@code /api/devices/events} (a
 * {@code snapshot} per device on connect, then {@code id}-numbered {@code device} events), {@code /api/receivers}
 * and {@code /health} (whose shared HealthReport shape also stands in for the publisher's and the streamer's). It
 * can stop and start again on the same port, to play a bridge restart.
 */
public final class FakeBridgeFeed implements AutoCloseable {

    public static final String EVENTS = "/api/devices/events";

    private final FakeSseServer server = new FakeSseServer();
    private final Map<String, String> devices = new TreeMap<>();
    private long ids;

    public FakeBridgeFeed() {
        server.events(EVENTS, this::opening);
        server.json("/api/devices", this::deviceList);
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
        return "{\"device_id\":" + FakeSseServer.quote(id) + ",\"name\":" + FakeSseServer.quote(name)
                + ",\"type\":\"DoorSensor\",\"kind\":\"DOOR\",\"state\":\"" + state + "\",\"active\":" + active
                + ",\"battery_percent\":" + battery + ",\"signal_dbm\":-77,\"last_seen_millis\":" + lastSeenMillis
                + ",\"online\":true,\"attributes\":{\"version\":\"0645\"}}";
    }

    /** Sets a device's state: new subscribers get it in their snapshot, current ones as a {@code device} event. */
    public synchronized void change(String id, String json) {
        devices.put(id, json);
        server.publish(EVENTS, "id: " + (++ids) + "\n" + FakeSseServer.event("device", json));
    }

    /** Forgets a device (the next list and snapshot leave it out; the live feed says nothing, as the bridge). */
    public synchronized void remove(String id) {
        devices.remove(id);
    }

    public int subscribers() {
        return server.subscribers(EVENTS);
    }

    /** Stops serving and ends every open event stream (the bridge going down). */
    public void stop() {
        server.stop();
    }

    /** Serves again on the same port with the devices it had. */
    public void start() {
        server.start();
    }

    private synchronized String opening() {
        StringBuilder out = new StringBuilder();
        devices.values().forEach(json -> out.append(FakeSseServer.event("snapshot", json)));
        return out.toString();
    }

    private synchronized String deviceList() {
        return "[" + String.join(",", devices.values()) + "]";
    }

    @Override
    public void close() {
        server.close();
    }
}
