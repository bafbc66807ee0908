package io.streampulse.bridge.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.streampulse.bridge.BridgeRuntime;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.health.HealthContributor;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/receivers}: each receiver with enabled, healthy, its health details (last answer, last error)
 * and the deliveries queued for it. {@code POST /api/receivers/{name}/test} with {@code {"zone": n}} (chekt, sia)
 * or {@code {"channel": n}} (modbus): a real test send, answered with the receiver's own answer.
 */
@Controller("/api/receivers")
public class ReceiversController {

    private final Map<String, Receiver> receivers = new LinkedHashMap<>();
    private final BridgeRuntime runtime;
    private final ReceiverTests tests;
    private final JsonMapper json;

    /** Per name the first receiver bean wins, as in BridgeRuntime. */
    public ReceiversController(List<Receiver> receivers, BridgeRuntime runtime, ReceiverTests tests,
                               JsonMapper json) {
        receivers.forEach(r -> this.receivers.putIfAbsent(r.name(), r));
        this.runtime = runtime;
        this.tests = tests;
        this.json = json;
    }

    @Get
    public List<Map<String, Object>> all() {
        Map<String, Integer> queued = runtime.dispatcher().queued();
        return receivers.values().stream().sorted(Comparator.comparing(Receiver::name)).map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", r.name());
            entry.put("enabled", r.enabled());
            entry.put("queued", queued.getOrDefault(r.name(), 0));
            if (r instanceof HealthContributor health) {
                entry.put("healthy", health.healthy());
                entry.put("health", health.details());
            }
            return entry;
        }).toList();
    }

    /** {@code {"receiver", "acknowledged", "answer"}}: 400 bad body, 404 unknown receiver, 503 not enabled. */
    @Post("/{name}/test")
    public CompletableFuture<HttpResponse<?>> test(String name, @Nullable @Body String body) {
        Receiver receiver = receivers.get(name);
        if (receiver == null) {
            return done(ApiError.notFound("no receiver named '" + name + "' (receivers: "
                    + String.join(", ", receivers.keySet()) + ")"));
        }
        ReceiverTestRequest request;
        try {
            request = ReceiverTestRequest.parse(json, name, body);
        } catch (IllegalArgumentException e) {
            return done(ApiError.badRequest(e.getMessage()));
        }
        if (!receiver.enabled()) {
            return done(ApiError.unavailable("receiver '" + name + "' is not configured or not enabled (receivers."
                    + name + ")"));
        }
        Optional<CompletableFuture<Delivery>> sent = tests.send(name, request.target());
        if (sent.isEmpty()) {
            return done(ApiError.notFound("receiver '" + name + "' has no test send"));
        }
        return sent.get().<HttpResponse<?>>thenApply(d -> HttpResponse.ok(Map.of("receiver", name,
                        "acknowledged", d.acknowledged(), "answer", d.answer())))
                .exceptionally(e -> ApiError.unavailable("test send to '" + name + "' failed: "
                        + DevicesController.cause(e).getMessage()));
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
