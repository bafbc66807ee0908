package io.streampulse.webgui.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.streampulse.webgui.sensors.BridgeClient;
import io.streampulse.webgui.sensors.BridgeUnavailableException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings page's test buttons, through the bridge: {@code POST /settings/yolink/test} (token exchange with
 * what the form holds; a blank secret means the saved one, which stays on the server side) and
 * {@code POST /settings/<chekt|sia|modbus>/test} (a real send with the saved receiver settings). The answer is
 * {@code {ok, message}} with the cloud's or the receiver's own words; a failure to reach the bridge is a 502
 * {@code {error}}.
 */
@Controller("/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SettingsTestController {

    static final List<String> RECEIVERS = List.of("chekt", "sia", "modbus");

    private final BridgeClient bridge;

    public SettingsTestController(BridgeClient bridge) {
        this.bridge = bridge;
    }

    @Post(value = "/yolink/test", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> yolink(@Nullable @Body Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (String key : List.of("uaid", "secret_key", "api_url")) {
            Object value = body == null ? null : body.get(key);
            request.put(key, value instanceof String text ? text.strip() : "");
        }
        try {
            BridgeClient.Answer answer = bridge.testYoLink(request);
            return relay(answer, Boolean.TRUE.equals(answer.body().get("ok")));
        } catch (BridgeUnavailableException e) {
            return unreachable(e);
        }
    }

    @Post(value = "/{receiver}/test", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> receiver(String receiver, @Nullable @Body Map<String, Object> body) {
        if (!RECEIVERS.contains(receiver)) {
            return HttpResponse.<Map<String, Object>>notFound().body(Map.of("error", "no receiver '" + receiver + "'"));
        }
        String field = receiver.equals("modbus") ? "channel" : "zone";
        Object target = body == null ? null : body.get(field);
        if (!(target instanceof Number number) || number.intValue() < 0 || number.intValue() > 9_999) {
            return HttpResponse.<Map<String, Object>>badRequest()
                    .body(Map.of("error", "Enter the " + field + " to test (0 to 9999)."));
        }
        try {
            BridgeClient.Answer answer = bridge.testReceiver(receiver, Map.of(field, number.intValue()));
            return relay(answer, Boolean.TRUE.equals(answer.body().get("acknowledged")));
        } catch (BridgeUnavailableException e) {
            return unreachable(e);
        }
    }

    /** 2xx: {ok, message: the answer}; anything else: the bridge's status with {error: its message}. */
    private static HttpResponse<Map<String, Object>> relay(BridgeClient.Answer answer, boolean ok) {
        Map<String, Object> body = answer.body();
        if (answer.status() / 100 == 2) {
            Object said = body.containsKey("answer") ? body.get("answer") : body.get("message");
            return HttpResponse.ok(Map.of("ok", ok, "message", String.valueOf(said)));
        }
        Object message = body.getOrDefault("message", "HTTP " + answer.status());
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(answer.status()))
                .body(Map.of("error", String.valueOf(message)));
    }

    private static HttpResponse<Map<String, Object>> unreachable(BridgeUnavailableException e) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}
