package io.streampulse.bridge.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.streampulse.bridge.BridgeRuntime;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.YoLinkRuntime;
import org.reactivestreams.Publisher;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code GET /api/devices} (every device, by id), {@code /api/devices/{id}}, {@code /api/devices/{id}/events} (its
 * recent events from the Redis stream), the SSE feed at {@code /api/events} and {@code /api/devices/events}
 * (one feed, two paths: the issue names the first, the web GUI already reads the second), and
 * {@code POST /api/devices/refresh} (read YoLink's device list now).
 */
@Controller("/api")
public class DevicesController {

    static final int DEFAULT_EVENTS = 50;
    static final int MAX_EVENTS = 500;
    /** How many of the newest stream entries (all devices) a per-device query searches. */
    static final int EVENTS_WINDOW = 5_000;

    private final BridgeRuntime runtime;
    private final DeviceEvents events;
    private final YoLinkRuntime yolink;

    public DevicesController(BridgeRuntime runtime, DeviceEvents events, YoLinkRuntime yolink) {
        this.runtime = runtime;
        this.events = events;
        this.yolink = yolink;
    }

    @Get("/devices")
    public List<DeviceState> all() {
        return sorted();
    }

    @Get(uris = {"/events", "/devices/events"}, produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Object>> events() {
        return events.subscribe(sorted());
    }

    @Get("/devices/{id}")
    public HttpResponse<?> one(String id) {
        return runtime.store().get(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> ApiError.notFound("no device with id '" + id + "'"));
    }

    /** The device's newest events (state changes and alerts), newest first, at most {@code limit}. */
    @Get("/devices/{id}/events")
    public CompletableFuture<HttpResponse<?>> recentEvents(String id, @Nullable @QueryValue Integer limit) {
        if (runtime.store().get(id).isEmpty()) {
            return CompletableFuture.completedFuture(ApiError.notFound("no device with id '" + id + "'"));
        }
        if (limit != null && (limit < 1 || limit > MAX_EVENTS)) {
            return CompletableFuture.completedFuture(
                    ApiError.badRequest("'limit' must be 1.." + MAX_EVENTS + " (got " + limit + ")"));
        }
        return runtime.store().recentEvents(id, limit == null ? DEFAULT_EVENTS : limit, EVENTS_WINDOW)
                .<HttpResponse<?>>thenApply(HttpResponse::ok)
                .exceptionally(e -> ApiError.unavailable("recent events of '" + id + "' cannot be read: "
                        + cause(e).getMessage()));
    }

    /** Reads YoLink's device list now: {@code {"devices": n}}, or 503 with the reason. */
    @Post("/devices/refresh")
    public CompletableFuture<HttpResponse<?>> refresh() {
        return yolink.refreshDevices()
                .<HttpResponse<?>>thenApply(list -> HttpResponse.ok(Map.of("devices", list.size())))
                .exceptionally(e -> ApiError.unavailable("device list not refreshed: " + cause(e).getMessage()));
    }

    private List<DeviceState> sorted() {
        return runtime.store().all().stream().sorted(Comparator.comparing(DeviceState::deviceId)).toList();
    }

    static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
