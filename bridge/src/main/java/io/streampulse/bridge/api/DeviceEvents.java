package io.streampulse.bridge.api;

import io.micronaut.http.sse.Event;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceState;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live feed of {@code /api/devices/events}: {@code ready} and one {@code snapshot} per device on connect,
 * {@code device} (a DeviceState) on every change, {@code alert} (an AlertEvent) on every alarm, restore or trouble. Best-effort multicast: a slow subscriber misses events
 * (and gets a fresh snapshot when it reconnects) instead of holding back the engine.
 */
@Singleton
public class DeviceEvents {

    public static final String READY = "ready";
    public static final String SNAPSHOT = "snapshot";
    public static final String DEVICE = "device";
    public static final String ALERT = "alert";

    private final Sinks.Many<Event<Object>> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicLong ids = new AtomicLong();

    public void device(DeviceState state) {
        sink.tryEmitNext(Event.<Object>of(state).name(DEVICE).id(Long.toString(ids.incrementAndGet())));
    }

    public void alert(AlertEvent event) {
        sink.tryEmitNext(Event.<Object>of(event).name(ALERT).id(Long.toString(ids.incrementAndGet())));
    }

    /**
     * A subscriber's feed: {@code ready} ({@code {"devices": n}}) at once, so the answer starts even when there are
     * no devices (a follower waiting for the response headers would otherwise time out on an empty site), then one
     * {@code snapshot} per device as it is now, then the live events.
     */
    public Publisher<Event<Object>> subscribe(Collection<DeviceState> current) {
        Event<Object> ready = Event.<Object>of(Map.of("devices", current.size())).name(READY);
        return Flux.concat(Flux.just(ready), Flux.fromIterable(current).map(s -> Event.<Object>of(s).name(SNAPSHOT)),
                sink.asFlux());
    }
}
