package io.streampulse.bridge.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.streampulse.bridge.BridgeRuntime;
import io.streampulse.bridge.device.DeviceState;
import org.reactivestreams.Publisher;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/devices} (every device, by id), {@code /api/devices/{id}}, and {@code /api/devices/events}
 * (SSE: {@code snapshot} per device on connect, then {@code device} and {@code alert}). Read from memory only.
 */
@Controller("/api/devices")
public class DevicesController {

    private final BridgeRuntime runtime;
    private final DeviceEvents events;

    public DevicesController(BridgeRuntime runtime, DeviceEvents events) {
        this.runtime = runtime;
        this.events = events;
    }

    @Get
    public List<DeviceState> all() {
        return sorted();
    }

    @Get(uri = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Object>> events() {
        return events.subscribe(sorted());
    }

    @Get("/{id}")
    public HttpResponse<?> one(String id) {
        return runtime.store().get(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> ApiError.notFound("no device with id '" + id + "'"));
    }

    private List<DeviceState> sorted() {
        return runtime.store().all().stream().sorted(Comparator.comparing(DeviceState::deviceId)).toList();
    }
}
