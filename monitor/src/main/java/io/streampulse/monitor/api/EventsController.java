package io.streampulse.monitor.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.streampulse.monitor.live.StreamEvents;
import io.streampulse.monitor.live.StatusBoard;
import org.reactivestreams.Publisher;

/**
 * {@code GET /api/events}: server-sent events. On connect {@code ready} ({"streams": n}) and a {@code snapshot}
 * per stream; then {@code heartbeat} for every finished check and {@code state} for each state change, the data
 * being a stream's {@link io.streampulse.monitor.live.StreamStatus} as JSON.
 */
@Controller("/api/events")
public class EventsController {

    private final StreamEvents events;
    private final StatusBoard board;

    public EventsController(StreamEvents events, StatusBoard board) {
        this.events = events;
        this.board = board;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Object>> events() {
        return events.subscribe(board.all());
    }
}
