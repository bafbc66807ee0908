package io.streampulse.bridge.receiver;

import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.shared.config.DeviceMapping;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     * What a delivery lane calls: the answer to one event, on the calling thread, which waits for it anyway (a lane
     * sends one event at a time). A receiver that can run its exchange on the caller overrides this and saves the
     * hand-offs to its own threads and back (two scheduling waits per event, which count at 1,000 events/s on a
     * small machine); its own timeouts bound the wait then. The default waits for {@link #deliver} at most
     * {@code timeout}.
     */
    default Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return deliver(event, mapping).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The delivery lane of a device's events: one lane sends one event at a time, in order, and waits for its
     * answer; different lanes of one receiver run side by side. 0 (one lane, strict order for the whole receiver)
     * unless the receiver's events are independent per key, as CHEKT's are per zone.
     */
    default int lane(DeviceMapping mapping) {
        return 0;
    }
}
