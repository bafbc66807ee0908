package io.streampulse.webgui.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampulse.testkit.FakeHttp;
import io.streampulse.testkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bridge's HTTP API as bridge/api writes it (DevicesController, DeliveriesController, ReceiversController,
 * YoLinkTestController; shapes and messages from ReceiversApiTest and YoLinkTestApiTest): {@code GET /api/devices}
 * (DeviceState, snake_case, nulls left out, by id), {@code GET /api/deliveries?device=&limit=} (OutboxEntry with
 * its AlertEvent, newest first), {@code POST /api/receivers/{name}/test} (the receiver's answer, or 404/400/503
 * {status, message}) and {@code POST /api/yolink/test} (the token exchange: blank fields fall back to the saved
 * credentials). A real server on a free port; {@link #stop()} and {@link #start()} play the bridge going down and
 * coming back.
 */
public final class FakeBridgeApi implements AutoCloseable {

    public static final String UAID = "ua_site";
    public static final String SECRET = "sec_right";

    private final int port = FreePorts.next();
    private final Map<String, String> devices = new TreeMap<>();
    private final List<String[]> deliveries = new CopyOnWriteArrayList<>();
    private final List<String[]> events = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> receiverAnswers = new ConcurrentHashMap<>();
    private final List<String> testBodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public FakeBridgeApi() {
        receiverAnswers.put("chekt", new String[] {"200", "{\"receiver\":\"chekt\",\"acknowledged\":true,"
                + "\"answer\":\"HTTP 200 {\\\"result\\\":\\\"ok\\\"}\"}"});
        receiverAnswers.put("modbus", new String[] {"200", "{\"receiver\":\"modbus\",\"acknowledged\":true,"
                + "\"answer\":\"coil 2 on (pulse 1000 ms)\"}"});
        receiverAnswers.put("sia", new String[] {"503", "{\"status\":503,\"message\":\"receiver 'sia' is not "
                + "configured or not enabled (receivers.sia)\"}"});
        start();
    }

    /** Serves (again, after {@link #stop()}) on the same port: the bridge coming back. */
    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/devices", this::devices);
        server.createContext("/api/deliveries", this::deliveries);
        server.createContext("/api/receivers", this::receiverTest);
        server.createContext("/api/yolink/test", this::yolinkTest);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** DeviceState JSON as the bridge writes it; {@code battery} and {@code signal} null for mains devices. */
    public static String device(String id, String name, String type, String kind, String state, List<String> active,
                                Integer battery, Integer signal, long lastSeenMillis, boolean online) {
        StringBuilder json = new StringBuilder("{\"device_id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\""
                + type + "\",\"kind\":\"" + kind + "\",\"state\":\"" + state + "\",\"active\":["
                + String.join(",", active.stream().map(a -> "\"" + a + "\"").toList()) + "]");
        if (battery != null) {
            json.append(",\"battery_percent\":").append(battery);
        }
        if (signal != null) {
            json.append(",\"signal_dbm\":").append(signal);
        }
        json.append(",\"last_seen_millis\":").append(lastSeenMillis).append(",\"online\":").append(online)
                .append(",\"attributes\":{\"version\":\"0645\"}}");
        return json.toString();
    }

    public FakeBridgeApi withDevice(String json) {
        String id = json.substring(json.indexOf("\"device_id\":\"") + 13);
        synchronized (devices) {
            devices.put(id.substring(0, id.indexOf('"')), json);
        }
        return this;
    }

    /** One line of the delivery log (OutboxEntry); newest last in, first out. */
    public FakeBridgeApi withDelivery(String receiver, String deviceId, String deviceName, String cause, boolean restore,
                                   long atMillis, String status, int attempts, String answer) {
        long seq = deliveries.size() + 1;
        String json = "{\"seq\":" + seq + ",\"receiver\":\"" + receiver + "\",\"event\":{\"id\":\"" + deviceId + "/"
                + cause + "/" + (restore ? "restore" : "alarm") + "/" + atMillis + "\",\"device_id\":\"" + deviceId
                + "\",\"device_name\":\"" + deviceName + "\",\"kind\":\"DOOR\",\"cause\":\"" + cause
                + "\",\"restore\":" + restore + ",\"at_millis\":" + atMillis + "},\"status\":\"" + status
                + "\",\"attempts\":" + attempts + ",\"created_millis\":" + atMillis + ",\"next_attempt_millis\":"
                + (atMillis + 1000) + ",\"last_attempt_millis\":" + (atMillis + 40) + ",\"answer\":\""
                + answer.replace("\"", "\\\"") + "\"}";
        deliveries.add(new String[] {deviceId, json});
        return this;
    }

    /**
     * One entry of the device-events stream as {@code /api/devices/{id}/events} returns it (Redis stream fields,
     * all text): a state change, or an alert edge when {@code cause} is set.
     */
    public FakeBridgeApi withEvent(String deviceId, long atMillis, String state, String active, String cause,
                                boolean restore) {
        String common = "{\"stream_id\":\"" + atMillis + "-0\",\"device_id\":\"" + deviceId + "\",\"at\":\""
                + atMillis + "\",";
        events.add(new String[] {deviceId, cause == null
                ? common + "\"type\":\"device\",\"state\":\"" + state + "\",\"active\":\"" + active
                        + "\",\"online\":\"true\"}"
                : common + "\"type\":\"alert\",\"id\":\"" + deviceId + "/" + cause + "/"
                        + (restore ? "restore" : "alarm") + "/" + atMillis + "\",\"cause\":\"" + cause
                        + "\",\"restore\":\"" + restore + "\"}"});
        return this;
    }

    /** The bodies of the receiver test sends, as "name body". */
    public List<String> testSends() {
        return List.copyOf(testBodies);
    }

    /** Stops serving: the bridge going down. */
    public synchronized void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void devices(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (parts.length == 5 && parts[4].equals("events")) {
            deviceEvents(exchange, parts[3]);
            return;
        }
        String body;
        synchronized (devices) {
            body = "[" + String.join(",", devices.values()) + "]";
        }
        FakeHttp.json(exchange, 200, body);
    }

    private void deviceEvents(HttpExchange exchange, String id) throws IOException {
        synchronized (devices) {
            if (!devices.containsKey(id)) {
                FakeHttp.json(exchange, 404, "{\"status\":404,\"message\":\"no device with id '" + id + "'\"}");
                return;
            }
        }
        List<String> newestFirst = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i)[0].equals(id)) {
                newestFirst.add(events.get(i)[1]);
            }
        }
        FakeHttp.json(exchange, 200, "[" + String.join(",", newestFirst) + "]");
    }

    private void deliveries(HttpExchange exchange) throws IOException {
        Map<String, String> query = FakeHttp.query(exchange.getRequestURI().getRawQuery());
        int limit = Integer.parseInt(query.getOrDefault("limit", "200"));
        List<String> lines = new ArrayList<>();
        for (int i = deliveries.size() - 1; i >= 0 && lines.size() < limit; i--) {
            String[] entry = deliveries.get(i);
            if (!query.containsKey("device") || entry[0].equals(query.get("device"))) {
                lines.add(entry[1]);
            }
        }
        FakeHttp.json(exchange, 200, "[" + String.join(",", lines) + "]");
    }

    private void receiverTest(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String name = parts.length == 5 && parts[4].equals("test") ? parts[3] : "";
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String[] answer = receiverAnswers.get(name);
        if (answer == null) {
            FakeHttp.json(exchange, 404, "{\"status\":404,\"message\":\"no receiver named '" + name
                    + "' (receivers: chekt, modbus, sia)\"}");
            return;
        }
        testBodies.add(name + " " + body);
        FakeHttp.json(exchange, Integer.parseInt(answer[0]), answer[1]);
    }

    private void yolinkTest(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uaid = field(body, "uaid", UAID);
        String secret = field(body, "secret_key", SECRET);
        if (uaid.equals(UAID) && secret.equals(SECRET)) {
            FakeHttp.json(exchange, 200, "{\"ok\":true,\"message\":\"YoLink accepted the credentials: "
                    + "token valid 7200 s, home fake-home-1\",\"home_id\":\"fake-home-1\"}");
        } else {
            FakeHttp.json(exchange, 200, "{\"ok\":false,\"reason\":\"CREDENTIALS_REJECTED\",\"message\":"
                    + "\"YoLink refused the UAID/secret key (HTTP 200: Not Support); check yolink.uaid and "
                    + "yolink.secret_key\"}");
        }
    }

    /** A string field of a flat JSON object; blank or absent: the saved value, as the bridge does. */
    private static String field(String json, String key, String saved) {
        String marker = "\"" + key + "\":\"";
        int at = json.indexOf(marker);
        if (at < 0) {
            return saved;
        }
        String value = json.substring(at + marker.length(), json.indexOf('"', at + marker.length()));
        return value.isBlank() ? saved : value;
    }
}
