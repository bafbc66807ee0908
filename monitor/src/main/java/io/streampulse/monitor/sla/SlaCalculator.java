package io.streampulse.monitor.sla;

import io.streampulse.monitor.state.StreamState;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Time-weighted availability (pure). StreamPulse counted samples, which flatters a failing stream (it was checked
 * less often while backing off); here each state counts for as long as it lasted, from the state changes
 * (important beats). Time before anything is known about a stream is left out, not counted as up or down.
 */
public final class SlaCalculator {

    private SlaCalculator() {
    }

    /** A state change at an instant (UTC epoch ms). */
    public record Change(long atMillis, StreamState state) {
    }

    /**
     * @param knownMs      the part of the window in which the state was known
     * @param availableMs  the part of it that counts as available
     * @param timeInState  milliseconds per state
     * @param availability availableMs / knownMs, empty when nothing is known
     */
    public record Sla(long knownMs, long availableMs, Map<StreamState, Long> timeInState,
                      OptionalDouble availability) {
    }

    /**
     * The availability over {@code [from, to)}.
     *
     * @param stateAtFrom the state in force at {@code from} (the last change before it), or null if none
     * @param changes     the changes inside the window, oldest first; ones outside it are ignored
     */
    public static Sla compute(long from, long to, StreamState stateAtFrom, List<Change> changes,
                              boolean degradedCountsAsUp) {
        Map<StreamState, Long> time = new EnumMap<>(StreamState.class);
        StreamState current = stateAtFrom;
        long since = from;
        for (Change change : changes) {
            if (change.atMillis() < from || change.atMillis() >= to) {
                continue;
            }
            if (current != null) {
                time.merge(current, change.atMillis() - since, Long::sum);
            }
            current = change.state();
            since = change.atMillis();
        }
        if (current != null && to > since) {
            time.merge(current, to - since, Long::sum);
        }
        long known = time.values().stream().mapToLong(Long::longValue).sum();
        long available = time.entrySet().stream().filter(e -> e.getKey().available(degradedCountsAsUp))
                .mapToLong(Map.Entry::getValue).sum();
        return new Sla(known, available, Map.copyOf(time),
                known == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) available / known));
    }

    /** All streams together: available time over known time, so a stream counts for as long as it was watched. */
    public static OptionalDouble overall(Collection<Sla> streams) {
        long known = streams.stream().mapToLong(Sla::knownMs).sum();
        long available = streams.stream().mapToLong(Sla::availableMs).sum();
        return known == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) available / known);
    }
}
