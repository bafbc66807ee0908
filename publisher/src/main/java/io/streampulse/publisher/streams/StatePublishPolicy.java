package io.streampulse.publisher.streams;

import java.util.Objects;

/**
 * Whether a stream's new status is worth a publish (pure). A change of state, message, name or since goes out at
 * once (so does an uptime becoming known); measurements (latency, 24 h uptime) that alone moved go out at most once per refresh period, so a
 * 1,000-stream site does not flood the broker with a retained message per heartbeat.
 */
public final class StatePublishPolicy {

    private StatePublishPolicy() {
    }

    /** What was last published for a stream, and when. */
    public record Published(MonitorStream stream, long atMillis) {
    }

    public static boolean shouldPublish(Published last, MonitorStream next, long nowMillis, long refreshMillis) {
        if (last == null) {
            return true;
        }
        MonitorStream before = last.stream();
        boolean changed = !Objects.equals(before.state(), next.state())
                || !Objects.equals(before.message(), next.message())
                || !Objects.equals(before.name(), next.name())
                || !Objects.equals(before.since(), next.since())
                || before.uptime24h().isPresent() != next.uptime24h().isPresent();
        if (changed) {
            return true;
        }
        boolean measured = !Objects.equals(before.latencyMs(), next.latencyMs())
                || !Objects.equals(before.uptime24h(), next.uptime24h());
        return measured && nowMillis - last.atMillis() >= refreshMillis;
    }
}
