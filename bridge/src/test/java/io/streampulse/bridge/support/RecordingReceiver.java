package io.streampulse.bridge.support;

import io.micronaut.core.order.Ordered;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A real Receiver for tests: acknowledges what it is given and remembers it, or refuses while told to fail
 * (as a receiver that is down answers). Every attempt is recorded with the time it arrived.
 */
public final class RecordingReceiver implements Receiver, Ordered {

    public record Attempt(AlertEvent event, boolean acknowledged, long atMillis) {
    }

    private final String name;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private volatile boolean enabled = true;
    private volatile Consumer<AlertEvent> onAttempt = e -> { };
    private volatile Predicate<AlertEvent> refuses = e -> false;
    private volatile ToIntFunction<DeviceMapping> lanes = m -> 0;

    public RecordingReceiver(String name) {
        this.name = name;
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Refuses just the events {@code refuses} picks (a CHEKT zone that is broken), the others are acknowledged. */
    public void refusing(Predicate<AlertEvent> refuses) {
        this.refuses = refuses;
    }

    /** The receiver's lanes ({@link Receiver#lane}); one lane unless set. */
    public void lanes(ToIntFunction<DeviceMapping> lanes) {
        this.lanes = lanes;
    }

    @Override
    public int lane(DeviceMapping mapping) {
        return lanes.applyAsInt(mapping);
    }

    public void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Runs inside deliver, before the answer (to look at the outbox while an attempt is in flight). */
    public void onAttempt(Consumer<AlertEvent> hook) {
        this.onAttempt = hook;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        onAttempt.accept(event);
        boolean ok = !failing && !refuses.test(event);
        long now = System.currentTimeMillis();
        attempts.add(new Attempt(event, ok, now));
        return CompletableFuture.completedFuture(new Delivery(name, event.id(), ok, ok ? "ACK" : "refused: down",
                1, now));
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The events acknowledged, in order. */
    public List<AlertEvent> delivered() {
        List<AlertEvent> delivered = new ArrayList<>();
        attempts.forEach(a -> {
            if (a.acknowledged()) {
                delivered.add(a.event());
            }
        });
        return delivered;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
