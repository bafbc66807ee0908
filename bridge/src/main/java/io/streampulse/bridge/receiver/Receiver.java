package io.streampulse.bridge.receiver;

import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.shared.config.DeviceMapping;

import java.util.concurrent.CompletableFuture;

/**
 * An alarm receiver (CHEKT panel, SIA DC-09 receiver, Modbus relay board). {@code deliver} never blocks the
 * caller and never throws: a failure is a Delivery with {@code acknowledged == false} and the reason, after the
 * receiver's own retries. The alert engine keeps an unacknowledged event and hands it over again later.
 */
public interface Receiver {

    /** "chekt", "sia" or "modbus", as in DeviceMapping.receivers. */
    String name();

    /** True when configured and enabled; a disabled receiver is skipped, not failed. */
    boolean enabled();

    CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping);

    /**
     * The delivery lane of a device's events: one lane sends one event at a time, in order, and waits for its
     * answer; different lanes of one receiver run side by side. 0 (one lane, strict order for the whole receiver)
     * unless the receiver's events are independent per key, as CHEKT's are per zone.
     */
    default int lane(DeviceMapping mapping) {
        return 0;
    }
}
