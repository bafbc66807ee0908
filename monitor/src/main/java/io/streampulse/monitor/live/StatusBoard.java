package io.streampulse.monitor.live;

import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.schedule.StreamPlan;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest state of every configured stream, in memory, updated by each finished check and published to
 * {@link StreamEvents}. Reads never touch the database, so {@code /api/status} stays fast at 5,000 streams.
 * Removed streams leave the board at once (StreamPulse kept showing them).
 */
@Singleton
public class StatusBoard {

    private final Map<String, StreamStatus> statuses = new ConcurrentHashMap<>();
    private final StreamEvents events;

    public StatusBoard(StreamEvents events) {
        this.events = events;
    }

    /** Makes the board's set of streams the configured one; known streams keep their state (a rename keeps it). */
    public void track(Collection<StreamPlan> plans) {
        Map<String, String> names = new java.util.HashMap<>();
        plans.forEach(p -> names.put(p.streamId(), p.name()));
        statuses.keySet().retainAll(names.keySet());
        names.forEach((id, name) -> statuses.compute(id, (k, old) -> old == null ? StreamStatus.unknown(id, name)
                : new StreamStatus(id, name, old.state(), old.since(), old.ts(), old.latencyMs(), old.message(),
                old.kind(), old.important(), old.details())));
    }

    /** Seeds a stream's state from storage at start, so the API answers before the first check. */
    public void restore(StreamStatus status) {
        statuses.computeIfPresent(status.id(), (id, old) -> old.state() == null ? status : old);
    }

    public void record(CheckOutcome outcome) {
        var beat = outcome.beat();
        StreamStatus previous = statuses.get(beat.streamId());
        if (previous == null) {
            return; // removed while its check was in flight
        }
        long since = beat.important() || previous.since() == null ? beat.tsMillis() : previous.since();
        StreamStatus next = new StreamStatus(beat.streamId(), outcome.plan().name(), beat.state(), since,
                beat.tsMillis(), beat.latencyMs(), beat.message(), beat.kind().name(), beat.important(),
                outcome.result().details());
        statuses.put(beat.streamId(), next);
        events.publish(next);
    }

    /** How many streams are configured (cheap, unlike {@link #all()}). */
    public int size() {
        return statuses.size();
    }

    public List<StreamStatus> all() {
        return List.copyOf(statuses.values());
    }

    public Optional<StreamStatus> get(String id) {
        return Optional.ofNullable(statuses.get(id));
    }
}
