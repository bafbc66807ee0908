package io.streampulse.monitor.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.streampulse.monitor.history.HistoryPoint;
import io.streampulse.monitor.history.HistoryReads;
import io.streampulse.monitor.history.Resolution;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.state.Heartbeat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A stream's past: {@code /api/streams/{id}/history} (chart points from the raw beats or the minute, hour and
 * day aggregates) and {@code /api/streams/{id}/changes} (its state changes, newest first). Database reads, so
 * off the event loop.
 */
@Controller("/api/streams/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HistoryController {

    static final int MAX_POINTS = 10_000;
    static final int MAX_CHANGES = 1_000;

    /** The answer of {@code /history}; {@code truncated} when the raw beats went past {@link #MAX_POINTS}. */
    @Serdeable
    public record History(String id, long from, long to, String resolution, List<HistoryPoint> points,
                          boolean truncated) {
    }

    /** The answer of {@code /changes}. */
    @Serdeable
    public record Changes(String id, long from, long to, List<Heartbeat> changes) {
    }

    private final StatusBoard board;
    private final HistoryReads history;

    public HistoryController(StatusBoard board, HistoryReads history) {
        this.board = board;
        this.history = history;
    }

    @Get("/history")
    public HttpResponse<?> history(@PathVariable String id, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to, @Nullable @QueryValue String resolution) {
        if (board.get(id).isEmpty()) {
            return ApiErrors.unknownStream(id);
        }
        try {
            TimeRange range = TimeRange.of(from, to, Duration.ofHours(24), System.currentTimeMillis());
            Resolution chosen = resolution(resolution, range);
            List<HistoryPoint> points = history.points(id, chosen, range.from(), range.to(), MAX_POINTS + 1);
            boolean truncated = points.size() > MAX_POINTS;
            return HttpResponse.ok(new History(id, range.from(), range.to(), chosen.name().toLowerCase(Locale.ROOT),
                    truncated ? points.subList(0, MAX_POINTS) : points, truncated));
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
    }

    @Get("/changes")
    public HttpResponse<?> changes(@PathVariable String id, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to) {
        if (board.get(id).isEmpty()) {
            return ApiErrors.unknownStream(id);
        }
        try {
            TimeRange range = TimeRange.of(from, to, Duration.ofDays(30), System.currentTimeMillis());
            return HttpResponse.ok(new Changes(id, range.from(), range.to(),
                    history.changes(id, range.from(), range.to(), MAX_CHANGES)));
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
    }

    private static Resolution resolution(String text, TimeRange range) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("auto")) {
            return Resolution.forSpan(range.span());
        }
        try {
            return Resolution.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resolution '" + text + "' is not one of auto, raw, minute, hour, day");
        }
    }
}
