package io.streampulse.bridge.receiver;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A receiver's latest outcome and latest failure, for its {@code /health} entry: an operator sees at a glance
 * whether the last alarm got through and, if one did not, when and why.
 */
public final class LastDeliveries {

    private final AtomicReference<Delivery> last = new AtomicReference<>();
    private final AtomicReference<Delivery> lastFailure = new AtomicReference<>();

    /** Remembers {@code delivery} and hands it back (for use in a future chain). */
    public Delivery record(Delivery delivery) {
        last.set(delivery);
        if (!delivery.acknowledged()) {
            lastFailure.set(delivery);
        }
        return delivery;
    }

    /** Healthy while disabled, before the first delivery, and while the latest one was acknowledged. */
    public boolean healthy(boolean enabled) {
        Delivery latest = last.get();
        return !enabled || latest == null || latest.acknowledged();
    }

    public Map<String, Object> details(boolean enabled) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", enabled);
        Delivery latest = last.get();
        details.put("last_answer", latest == null ? "none yet" : latest.answer());
        if (latest != null) {
            details.put("last_acknowledged", latest.acknowledged());
            details.put("last_at", Instant.ofEpochMilli(latest.atMillis()).toString());
        }
        Delivery failure = lastFailure.get();
        if (failure != null) {
            details.put("last_error", failure.answer());
            details.put("last_error_at", Instant.ofEpochMilli(failure.atMillis()).toString());
        }
        return details;
    }
}
