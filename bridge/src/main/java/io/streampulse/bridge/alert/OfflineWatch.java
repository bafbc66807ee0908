package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceState;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Which devices went silent for longer than their kind allows ({@link OfflinePolicy}), by the injected clock,
 * so tests move time instead of waiting hours. The engine runs it periodically and raises OFFLINE for each.
 */
public final class OfflineWatch {

    private final Clock clock;
    private final long listeningSince;

    /** Silence is counted from now at the earliest (see {@link OfflinePolicy#overdue}). */
    public OfflineWatch(Clock clock) {
        this.clock = clock;
        this.listeningSince = clock.millis();
    }

    public List<DeviceState> overdue(Collection<DeviceState> devices) {
        long now = clock.millis();
        return devices.stream().filter(d -> OfflinePolicy.overdue(d, now, listeningSince)).toList();
    }

    public long now() {
        return clock.millis();
    }
}
