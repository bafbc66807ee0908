package io.streampulse.publisher.support;

import io.streampulse.testkit.FakeSseServer;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor's {@code /api/events} (ready, a snapshot per stream, then live heartbeat/state events) and
 * {@code /api/status} (a body the test sets), on testkit's {@link FakeSseServer}. Stands in for the monitor, whose
 * jar (javacv natives, SQLite) is far heavier than what these tests need to prove.
 */
public final class FakeMonitor implements AutoCloseable {

    private static final String EVENTS = "/api/events";

    private final FakeSseServer server = new FakeSseServer();
    private final Map<String, String> streams = new LinkedHashMap<>();
    private volatile String statusBody = "{}";
    private long ids;

    public FakeMonitor() {
        server.events(EVENTS, this::opening);
        server.json("/api/status", () -> statusBody);
    }

    public URI url() {
        return server.url();
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
        long n = ++ids;
        server.publish(EVENTS, "id: " + n + "\n" + FakeSseServer.event("heartbeat", json)
                + "id: " + n + "s\n" + FakeSseServer.event("state", json));
    }

    public void statusBody(String body) {
        statusBody = body;
    }

    public String statusBodyNow() {
        return statusBody;
    }

    public int subscribers() {
        return server.subscribers(EVENTS);
    }

    private synchronized String opening() {
        StringBuilder out = new StringBuilder(FakeSseServer.event("ready", "{\"streams\":" + streams.size() + "}"));
        streams.values().forEach(json -> out.append(FakeSseServer.event("snapshot", json)));
        return out.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
