import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongPredicate;

/**
 * A real receiver whose acknowledgements are timed: the System.nanoTime() of each report's acknowledgement (and of
 * the lane's call), by report time; the bench subtracts the report's publish moment after the run (the publish
 * happens in the fakes' JVM, whose nanoTime reads the same clock: {@link FakesProcess}).
 */
final class TimedReceiver implements Receiver, AutoCloseable {

    private final Receiver real;
    private final LongPredicate timed;
    /** Report time (event atMillis, unique per report) to System.nanoTime() at its acknowledgement. */
    final ReportMoments ackNanos;
    final Map<Long, String> refused = new ConcurrentHashMap<>();
    /** Report time to System.nanoTime() at the lane's call (after the outbox commit and the lane queue). */
    final ReportMoments pickupNanos;

    /**
     * @param timed which report times are the bench's (not the probe that waits for the subscription)
     * @param origin below every report time
     */
    TimedReceiver(Receiver real, LongPredicate timed, long origin) {
        this.real = real;
        this.timed = timed;
        this.ackNanos = new ReportMoments(origin);
        this.pickupNanos = new ReportMoments(origin);
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public boolean enabled() {
        return real.enabled();
    }

    @Override
    public int lane(DeviceMapping mapping) {
        return real.lane(mapping);
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        return real.deliver(event, mapping).whenComplete((delivery, error) -> record(event, delivery, error));
    }

    private void record(AlertEvent event, Delivery delivery, Throwable error) {
        long now = System.nanoTime();
        if (!timed.test(event.atMillis())) {
            return; // the probe that waits for the subscription: not timed
        }
        if (delivery != null && delivery.acknowledged()) {
            ackNanos.put(event.atMillis(), now);
        } else {
            refused.put(event.atMillis(), delivery == null ? String.valueOf(error) : delivery.answer());
        }
    }

    @Override
    public Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (timed.test(event.atMillis())) {
            pickupNanos.putIfAbsent(event.atMillis(), System.nanoTime());
        }
        Delivery delivery;
        try {
            delivery = real.deliverOnCaller(event, mapping, timeout);
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            record(event, null, e);
            throw e;
        }
        record(event, delivery, null);
        return delivery;
    }

    @Override
    public void close() throws Exception {
        if (real instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
