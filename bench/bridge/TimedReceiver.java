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

/** A real receiver whose acknowledgements are timed against the moment the report entered accept(). */
final class TimedReceiver implements Receiver, AutoCloseable {

    private final Receiver real;
    private final Map<Long, Long> acceptedNanos;
    final Map<Long, Long> ackNanos = new ConcurrentHashMap<>();
    final Map<Long, String> refused = new ConcurrentHashMap<>();
    /** Report time to the nanos from accept to the lane's call (outbox commit and lane queue before the exchange). */
    final Map<Long, Long> pickupNanos = new ConcurrentHashMap<>();

    /** @param acceptedNanos report time (event atMillis, unique per report) to System.nanoTime() before accept */
    TimedReceiver(Receiver real, Map<Long, Long> acceptedNanos) {
        this.real = real;
        this.acceptedNanos = acceptedNanos;
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
        Long accepted = acceptedNanos.get(event.atMillis());
        if (accepted == null) {
            return; // the probe that waits for the subscription: not timed
        }
        if (delivery != null && delivery.acknowledged()) {
            ackNanos.put(event.atMillis(), now - accepted);
        } else {
            refused.put(event.atMillis(), delivery == null ? String.valueOf(error) : delivery.answer());
        }
    }

    @Override
    public Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Long accepted = acceptedNanos.get(event.atMillis());
        if (accepted != null) {
            pickupNanos.putIfAbsent(event.atMillis(), System.nanoTime() - accepted);
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
