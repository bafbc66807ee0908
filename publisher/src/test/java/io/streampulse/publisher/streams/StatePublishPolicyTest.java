package io.streampulse.publisher.streams;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatePublishPolicyTest {

    private static MonitorStream stream(String state, long latency, String message) {
        return new MonitorStream("cam", "Cam", state, 1_000L, 2_000L, latency, message, OptionalDouble.empty());
    }

    private static final StatePublishPolicy.Published LAST =
            new StatePublishPolicy.Published(stream("UP", 10, "ok"), 100_000);

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
    void shouldPublish_nothingChanged_no() {
        assertFalse(StatePublishPolicy.shouldPublish(LAST, stream("UP", 10, "ok"), 500_000, 10_000));
    }
}
