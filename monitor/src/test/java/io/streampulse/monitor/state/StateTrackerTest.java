package io.streampulse.monitor.state;

import io.streampulse.monitor.probe.ProbeResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateTrackerTest {

    private static final ProbeResult UP = ProbeResult.up(12, "RTSP 200, H264", ProbeResult.CheckKind.RTSP, Map.of());
    private static final ProbeResult DEGRADED = ProbeResult.degraded(9, "RTSP 401 Unauthorized",
            ProbeResult.CheckKind.RTSP, Map.of());
    private static final ProbeResult DOWN = ProbeResult.down(5000, "timeout after 5000 ms", ProbeResult.CheckKind.RTSP);

    /** Feeds results one second apart and returns "STATE" or "STATE!" (important) per beat. */
    private static List<String> run(StateTracker tracker, ProbeResult... results) {
        List<String> out = new ArrayList<>();
        long ts = 1_000;
        for (ProbeResult result : results) {
            Heartbeat beat = tracker.record("cam", result, ts += 1_000);
            out.add(beat.state() + (beat.important() ? "!" : ""));
        }
        return out;
    }

    @Test
    void record_failuresWithinRetries_arePendingThenDown() {
        assertEquals(List.of("UP!", "PENDING", "PENDING", "DOWN!", "DOWN", "UP!"),
                run(new StateTracker(2), UP, DOWN, DOWN, DOWN, DOWN, UP));
    }

    @Test
    void record_blipShorterThanRetries_isNoEvent() {
        assertEquals(List.of("UP!", "PENDING", "UP"), run(new StateTracker(2), UP, DOWN, UP));
    }

    @Test
    void record_noRetries_downAtOnce() {
        assertEquals(List.of("DOWN!", "UP!", "DOWN!"), run(new StateTracker(0), DOWN, UP, DOWN));
    }

    @Test
    void record_firstBeatPending_isImportantBecauseItStartsTheHistory() {
        assertEquals(List.of("PENDING!", "DOWN!"), run(new StateTracker(1), DOWN, DOWN));
    }

    @Test
    void record_degraded_settlesAtOnceAndIsAnEvent() {
        assertEquals(List.of("UP!", "DEGRADED!", "DEGRADED", "PENDING", "DEGRADED", "UP!"),
                run(new StateTracker(2), UP, DEGRADED, DEGRADED, DOWN, DEGRADED, UP));
    }

    @Test
    void record_sinceMovesOnlyOnImportantBeats() {
        StateTracker tracker = new StateTracker(1);
        tracker.record("cam", UP, 10_000);
        tracker.record("cam", DOWN, 20_000);
        assertEquals(10_000, tracker.since());
        assertTrue(tracker.retrying());

        tracker.record("cam", DOWN, 30_000);

        assertEquals(30_000, tracker.since());
        assertFalse(tracker.retrying());
    }

    @Test
    void record_downBeat_hasNoLatency() {
        Heartbeat beat = new StateTracker(0).record("cam", DOWN, 1);

        assertNull(beat.latencyMs(), "a timeout's duration is not the camera's latency");
        assertEquals("timeout after 5000 ms", beat.message());
    }

    @Test
    void resume_fromStoredState_doesNotRepeatTheEvent() {
        StateTracker tracker = StateTracker.resume(2, StreamState.DOWN, 5_000);

        assertEquals(List.of("DOWN", "UP!"), run(tracker, DOWN, UP));
    }
}
