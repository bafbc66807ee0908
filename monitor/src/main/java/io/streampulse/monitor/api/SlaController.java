package io.streampulse.monitor.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.monitor.history.HistoryReads;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.live.StreamStatus;
import io.streampulse.monitor.sla.SlaCalculator;
import io.streampulse.shared.config.ConfigWatcher;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * {@code GET /api/sla?window=24h|7d|30d|from,to[&stream=id]}: time-weighted availability per stream and overall
 * (pending and down count as unavailable; degraded too unless {@code monitor.degraded_counts_as_up}). Time in
 * which nothing was known about a stream is left out; {@code availability} is null when nothing is known.
 */
@Controller("/api/sla")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlaController {

    /** One stream's figures: availability 0..1, the time it rests on, and the time spent in each state. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record StreamSla(String id, String name, Double availability, long knownMs, long availableMs,
                            Map<String, Long> timeInStateMs) {

        static StreamSla of(StreamStatus stream, SlaCalculator.Sla sla) {
            Map<String, Long> time = new TreeMap<>();
            sla.timeInState().forEach((state, ms) -> time.put(state.name(), ms));
            return new StreamSla(stream.id(), stream.name(), ratio(sla.availability()), sla.knownMs(),
                    sla.availableMs(), time);
        }
    }

    @Serdeable
    public record Report(long from, long to, Double overall, List<StreamSla> streams) {
    }

    private final StatusBoard board;
    private final HistoryReads history;
    private final ConfigWatcher config;

    public SlaController(StatusBoard board, HistoryReads history, ConfigWatcher config) {
        this.board = board;
        this.history = history;
        this.config = config;
    }

    @Get
    public HttpResponse<?> sla(@Nullable @QueryValue String window, @Nullable @QueryValue String stream) {
        TimeRange range;
        try {
            range = TimeRange.window(window, System.currentTimeMillis());
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        if (stream != null && board.get(stream).isEmpty()) {
            return ApiErrors.unknownStream(stream);
        }
        boolean degradedCountsAsUp = config.current().config().monitor().degradedCountsAsUp();
        Map<String, SlaCalculator.Sla> all = stream != null
                ? Map.of(stream, history.sla(stream, range.from(), range.to(), degradedCountsAsUp))
                : history.slaAll(range.from(), range.to(), degradedCountsAsUp);
        SlaCalculator.Sla nothing = SlaCalculator.compute(range.from(), range.to(), null, List.of(), false);
        List<StreamStatus> streams = board.all().stream().filter(s -> stream == null || s.id().equals(stream))
                .sorted(Comparator.comparing(StreamStatus::name)).toList();
        List<SlaCalculator.Sla> figures = streams.stream().map(s -> all.getOrDefault(s.id(), nothing)).toList();
        return HttpResponse.ok(new Report(range.from(), range.to(), ratio(SlaCalculator.overall(figures)),
                streams.stream().map(s -> StreamSla.of(s, all.getOrDefault(s.id(), nothing))).toList()));
    }

    private static Double ratio(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
