package io.streampulse.monitor.history;

import io.streampulse.monitor.sla.SlaCalculator;
import io.streampulse.monitor.state.Heartbeat;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of the history in the monitor's own terms: beats, chart points, state changes and SLA figures. */
@Singleton
public class HistoryReads {

    private final HistoryRepository repository;

    public HistoryReads(HistorySchema schema, HistoryRepository repository) {
        this.repository = repository;
    }

    /** Raw beats in {@code [from, to)}, oldest first, at most {@code limit}. */
    public List<Heartbeat> beats(String streamId, long from, long to, int limit) {
        return repository.beats(streamId, from, to, limit).stream().map(BeatRow::toHeartbeat).toList();
    }

    /** Chart points in {@code [from, to)}: one per beat at RAW, one per bucket otherwise. */
    public List<HistoryPoint> points(String streamId, Resolution resolution, long from, long to, int limit) {
        if (resolution == Resolution.RAW) {
            return beats(streamId, from, to, limit).stream()
                    .map(beat -> HistoryPoint.of(beat.tsMillis(), BucketStats.of(beat))).toList();
        }
        return repository.buckets(streamId, resolution.code(), resolution.bucketOf(from), to).stream()
                .map(row -> HistoryPoint.of(row.bucket(), row.stats())).toList();
    }

    /** State changes in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<Heartbeat> changes(String streamId, long from, long to, int limit) {
        return repository.changesNewestFirst(streamId, from, to, limit).stream().map(BeatRow::toHeartbeat).toList();
    }

    /** Every stream's newest beat, by stream id. */
    public Map<String, Heartbeat> latestBeats() {
        return byStream(repository.latestBeats());
    }

    /** Every stream's newest state change, by stream id. */
    public Map<String, Heartbeat> lastChanges() {
        return byStream(repository.lastChangesBefore(Long.MAX_VALUE));
    }

    /** One stream's time-weighted availability over {@code [from, to)}. */
    public SlaCalculator.Sla sla(String streamId, long from, long to, boolean degradedCountsAsUp) {
        Optional<BeatRow> before = repository.lastChangeBefore(streamId, from);
        List<Heartbeat> changes = new ArrayList<>(changes(streamId, from, to, Integer.MAX_VALUE));
        Collections.reverse(changes);
        return SlaCalculator.compute(from, to, before.map(row -> row.toHeartbeat().state()).orElse(null),
                changes.stream().map(HistoryReads::change).toList(), degradedCountsAsUp);
    }

    /** Every stream's time-weighted availability over {@code [from, to)}, by stream id. */
    public Map<String, SlaCalculator.Sla> slaAll(long from, long to, boolean degradedCountsAsUp) {
        Map<String, Heartbeat> before = byStream(repository.lastChangesBefore(from));
        Map<String, List<SlaCalculator.Change>> changes = repository.allChanges(from, to).stream()
                .map(BeatRow::toHeartbeat).collect(Collectors.groupingBy(Heartbeat::streamId,
                        Collectors.mapping(HistoryReads::change, Collectors.toList())));
        Map<String, SlaCalculator.Sla> out = new HashMap<>();
        Set<String> streams = new HashSet<>(before.keySet());
        streams.addAll(changes.keySet());
        for (String id : streams) {
            Heartbeat start = before.get(id);
            out.put(id, SlaCalculator.compute(from, to, start == null ? null : start.state(),
                    changes.getOrDefault(id, List.of()), degradedCountsAsUp));
        }
        return out;
    }

    private static SlaCalculator.Change change(Heartbeat beat) {
        return new SlaCalculator.Change(beat.tsMillis(), beat.state());
    }

    private static Map<String, Heartbeat> byStream(List<BeatRow> rows) {
        return rows.stream().map(BeatRow::toHeartbeat)
                .collect(Collectors.toMap(Heartbeat::streamId, Function.identity(), (a, b) -> b));
    }
}
