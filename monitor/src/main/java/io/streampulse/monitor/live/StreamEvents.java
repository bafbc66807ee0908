package io.streampulse.monitor.live;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Sinks;

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

    public Publisher<Event<StreamStatus>> subscribe() {
        return sink.asFlux();
    }
}
