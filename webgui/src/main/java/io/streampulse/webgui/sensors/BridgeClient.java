package io.streampulse.webgui.sensors;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.streampulse.shared.feed.HttpFailures;
import io.streampulse.webgui.peers.PeerLocations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The bridge's HTTP API as the sensors and settings pages use it (bridge/README "API"): devices, the delivery
 * log, and the test sends, whose answers are passed on as the bridge gave them. JDK {@link HttpClient}: the webgui
 * has no runtime Micronaut client, and these are a handful of blocking calls made off the event loop.
 */
@Singleton
public class BridgeClient {

    /** Test sends wait for the receiver's answer: SIA retries up to 3 × its timeout. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(45);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** The bridge's answer to a pass-through call: its status and JSON body, as they came. */
    public record Answer(int status, Map<String, Object> body) {
    }

    private final PeerLocations peers;
    private final JsonMapper json;
    private final HttpClient http;

    public BridgeClient(PeerLocations peers, HttpClient http, JsonMapper json) {
        this.peers = peers;
        this.http = http;
        this.json = json;
    }

    public List<BridgeDevice> devices() throws BridgeUnavailableException {
        return read("/api/devices", Argument.listOf(BridgeDevice.class));
    }

    /** The device's deliveries, newest first. */
    public List<BridgeDelivery> deliveries(String deviceId, int limit) throws BridgeUnavailableException {
        return read("/api/deliveries?device=" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + "&limit="
                + limit, Argument.listOf(BridgeDelivery.class));
    }

    /**
     * The device's newest events from the bridge's Redis stream, newest first: {@code type} device (state, active,
     * online) or alert (cause, restore), each with {@code at} (epoch ms); every value as text, as Redis keeps it.
     */
    public List<Map<String, Object>> events(String deviceId, int limit) throws BridgeUnavailableException {
        return read("/api/devices/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + "/events?limit=" + limit,
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** {@code POST /api/receivers/{name}/test} with {@code {"zone": n}} or {@code {"channel": n}}. */
    public Answer testReceiver(String receiver, Map<String, Object> body) throws BridgeUnavailableException {
        return post("/api/receivers/" + URLEncoder.encode(receiver, StandardCharsets.UTF_8) + "/test", body);
    }

    /** {@code POST /api/yolink/test}: the token exchange with these credentials (blank: the saved ones). */
    public Answer testYoLink(Map<String, Object> body) throws BridgeUnavailableException {
        return post("/api/yolink/test", body);
    }

    private <T> T read(String path, Argument<T> type) throws BridgeUnavailableException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).timeout(READ_TIMEOUT)
                .header("Accept", "application/json").GET(), path);
        if (response.statusCode() != 200) {
            throw new BridgeUnavailableException("the bridge answered HTTP " + response.statusCode() + " to "
                    + path + ": " + message(response.body()));
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException | RuntimeException e) {
            throw new BridgeUnavailableException("the bridge's answer to " + path + " is not what it should be: "
                    + e.getMessage());
        }
    }

    private Answer post(String path, Map<String, Object> body) throws BridgeUnavailableException {
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(uri(path)).timeout(TEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path);
        } catch (IOException e) {
            throw new BridgeUnavailableException("request to " + path + " could not be written: " + e.getMessage());
        }
        try {
            return new Answer(response.statusCode(),
                    json.readValue(response.body(), Argument.mapOf(String.class, Object.class)));
        } catch (IOException | RuntimeException e) {
            throw new BridgeUnavailableException("the bridge answered HTTP " + response.statusCode() + " to " + path
                    + " with something that is not JSON");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String path) throws BridgeUnavailableException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BridgeUnavailableException("the bridge at " + peers.bridge() + " is not reachable (" + path
                    + ": " + HttpFailures.reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeUnavailableException("interrupted while asking the bridge");
        }
    }

    private URI uri(String path) {
        return URI.create(peers.bridge() + path);
    }

    private String message(String body) {
        try {
            Object message = json.readValue(body, Argument.mapOf(String.class, Object.class)).get("message");
            return message == null ? body : message.toString();
        } catch (IOException | RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
