package io.streampulse.monitor.live;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.List;
import java.util.Map;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-sent events for the GUI and the publisher, so neither polls. Every beat goes out as {@code heartbeat};
 * a state change also as {@code state}. Best-effort multicast: a slow subscriber misses events (and can read
 * {@code /api/status} again) instead of holding back the others or the checks.
 */
@Singleton
public class StreamEvents {

    private final Sinks.Many<Event<StreamStatus>> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicLong ids = new AtomicLong();

    void publish(StreamStatus status) {
        long id = ids.incrementAndGet();
        sink.tryEmitNext(Event.of(status).name("heartbeat").id(Long.toString(id)));
        if (status.important()) {
            sink.tryEmitNext(Event.of(status).name("state").id(id + "s"));
        }
    }

    /**
     * A new subscriber's feed: {@code ready} (how many streams), then one {@code snapshot} per stream with its
     * current state, then live events, so a client never needs {@code /api/status} to start.
     */
    public Publisher<Event<Object>> subscribe(List<StreamStatus> current) {
        Flux<Event<Object>> opening = Flux.concat(
                Flux.just(Event.<Object>of(Map.of("streams", current.size())).name("ready")),
                Flux.fromIterable(current).map(s -> Event.<Object>of(s).name("snapshot")));
        return Flux.concat(opening, sink.asFlux().map(e -> Event.<Object>of(e.getData()).name(e.getName())
                .id(e.getId())));
    }
}
