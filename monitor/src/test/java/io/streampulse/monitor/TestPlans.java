package io.streampulse.monitor;

import io.streampulse.monitor.probe.ProbeTarget;
import io.streampulse.monitor.schedule.StreamPlan;

import java.net.URI;
import java.time.Duration;

/** Stream plans for tests that feed the board or the history directly, without probing anything. */
public final class TestPlans {

    private TestPlans() {
    }

    /** An RTSP stream checked every 20 s, no retries, never probed by the test. */
    public static StreamPlan plan(String id, String name) {
        return new StreamPlan(id, name, new ProbeTarget(id, URI.create("rtsp://cam/" + id), "", "",
                Duration.ofSeconds(5), true), 20_000, 10_000, 0, false, 0, "cam:-1");
    }
}
