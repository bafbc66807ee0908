package io.streampulse.monitor.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.streampulse.monitor.live.StreamEvents;
import io.streampulse.monitor.live.StreamStatus;
import org.reactivestreams.Publisher;

/**
 * {@code GET /api/events}: server-sent events. {@code event: heartbeat} for every finished check and
 * {@code event: state} for each state change, the data being a stream's {@link StreamStatus} as JSON.
 */
@Controller("/api/events")
public class EventsController {

    private final StreamEvents events;

    public EventsController(StreamEvents events) {
        this.events = events;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<StreamStatus>> events() {
        return events.subscribe();
    }
}
