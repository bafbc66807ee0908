package io.streampulse.monitor.schedule;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.state.Heartbeat;

/** One finished check: the plan it ran for, what the probe found, the beat to record and how late it started. */
public record CheckOutcome(StreamPlan plan, ProbeResult result, Heartbeat beat, long lagMs) {
}
