package io.streampulse.publisher.streams;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatePublishPolicyTest {

    private static MonitorStream stream(String state, long latency, String message) {
        return new MonitorStream("cam", "Cam", state, 1_000L, 2_000L, latency, message, OptionalDouble.of(1.0));
    }

    private static final StatePublishPolicy.Published LAST =
            new StatePublishPolicy.Published(stream("UP", 10, "ok").withUptime(java.util.OptionalDouble.of(1.0)),
                    100_000);

    @Test
    void shouldPublish_firstStatus_yes() {
        assertTrue(StatePublishPolicy.shouldPublish(null, stream("UP", 10, "ok"), 0, 10_000));
    }

    @Test
    void shouldPublish_stateOrMessageChanged_atOnce() {
        assertTrue(StatePublishPolicy.shouldPublish(LAST, stream("DOWN", 10, "ok"), 100_001, 10_000));
        assertTrue(StatePublishPolicy.shouldPublish(LAST, stream("UP", 10, "RTSP 200"), 100_001, 10_000));
    }

    @Test
    void shouldPublish_onlyLatencyMoved_notBeforeTheRefreshPeriod() {
        assertFalse(StatePublishPolicy.shouldPublish(LAST, stream("UP", 12, "ok"), 109_999, 10_000));
        assertTrue(StatePublishPolicy.shouldPublish(LAST, stream("UP", 12, "ok"), 110_000, 10_000));
    }

    @Test
    void shouldPublish_onlyUptimeMoved_notBeforeTheRefreshPeriod() {
        MonitorStream moved = stream("UP", 10, "ok").withUptime(java.util.OptionalDouble.of(0.99));

        assertFalse(StatePublishPolicy.shouldPublish(LAST, moved, 109_999, 10_000));
        assertTrue(StatePublishPolicy.shouldPublish(LAST, moved, 110_000, 10_000));
    }

    @Test
    void shouldPublish_uptimeBecomesKnown_atOnce() {
        StatePublishPolicy.Published unknown = new StatePublishPolicy.Published(
                stream("UP", 10, "ok").withUptime(OptionalDouble.empty()), 100_000);

        assertTrue(StatePublishPolicy.shouldPublish(unknown, stream("UP", 10, "ok"), 100_001, 10_000));
    }

    @Test
    void shouldPublish_nothingChanged_no() {
        assertFalse(StatePublishPolicy.shouldPublish(LAST, stream("UP", 10, "ok"), 500_000, 10_000));
    }
}
