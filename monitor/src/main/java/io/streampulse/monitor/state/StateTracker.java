package io.streampulse.monitor.state;

import io.streampulse.monitor.probe.ProbeResult;

/**
 * One stream's state machine (pure; one instance per stream, used by one thread at a time).
 * <ul>
 *   <li>An UP or DEGRADED result settles the state at once: a 401 or a frozen picture is an answer, not a blip.</li>
 *   <li>A DOWN result makes the stream PENDING until {@code retries} consecutive failures, then DOWN (like Uptime
 *       Kuma); while PENDING the next check comes after the retry interval.</li>
 *   <li>A beat is important when it starts the stream's history or settles a state different from the last
 *       settled one (so UP → PENDING → UP is not an event, PENDING → DOWN is). Important beats carry the SLA and
 *       the event list; {@code since} is the time of the last one.</li>
 * </ul>
 */
public final class StateTracker {

    private final int retries;
    private StreamState settled;
    private StreamState current;
    private int failures;
    private long since;

    public StateTracker(int retries) {
        this.retries = retries;
    }

    /** Resumes from the last stored important beat, so a restart does not invent an event. */
    public static StateTracker resume(int retries, StreamState settled, long since) {
        StateTracker tracker = new StateTracker(retries);
        tracker.settled = settled;
        tracker.current = settled;
        tracker.since = since;
        tracker.failures = settled == StreamState.DOWN ? retries : 0; // a down stream stays down, no new retries
        return tracker;
    }

    /** Applies one check result taken at {@code tsMillis} and returns the beat to record. */
    public Heartbeat record(String streamId, ProbeResult result, long tsMillis) {
        StreamState next = switch (result.status()) {
            case UP -> StreamState.UP;
            case DEGRADED -> StreamState.DEGRADED;
            case DOWN -> ++failures <= retries ? StreamState.PENDING : StreamState.DOWN;
        };
        if (result.status() != ProbeResult.Status.DOWN) {
            failures = 0;
        }
        boolean important = settled == null
                || next != StreamState.PENDING && next != settled;
        if (next != StreamState.PENDING) {
            settled = next;
        }
        if (important) {
            since = tsMillis;
        }
        current = next;
        return new Heartbeat(streamId, tsMillis, next, result.status() == ProbeResult.Status.DOWN ? null
                : result.latencyMs(), result.message(), result.kind(), important);
    }

    /** The state after the last result; null before the first. */
    public StreamState current() {
        return current;
    }

    /** When the current settled state began (epoch ms). */
    public long since() {
        return since;
    }

    /** True while failures are being retried: the next check should come after the retry interval. */
    public boolean retrying() {
        return current == StreamState.PENDING;
    }
}
