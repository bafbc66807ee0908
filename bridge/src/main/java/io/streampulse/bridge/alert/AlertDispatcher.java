package io.streampulse.bridge.alert;

import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The durable outbox in motion. {@link #dispatch} routes each event to the receivers its device is mapped to and
 * queues one row per receiver for the {@link OutboxWriter}, which writes whatever is queued in one transaction (on
 * disk before anything is sent), then hands the rows to one {@link ReceiverLane} per receiver. A row leaves the outbox only when the receiver acknowledged it (or it
 * expired); failures are retried with {@link RetryBackoff}. {@link #start} resumes what a previous run left.
 */
public final class AlertDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** How often a receiver that is switched off is looked at again (its rows wait, they are not failed). */
    static final Duration DISABLED_RECHECK = Duration.ofSeconds(1);

    /** Timing: backoff, the longest wait for one receiver answer, and when an undeliverable row is given up. */
    public record Options(RetryBackoff backoff, Duration answerTimeout, Duration expiry) {
    }

    private final OutboxStore outbox;
    private final Function<String, Optional<Receiver>> receivers;
    private final Options options;
    private final Clock clock;
    private final Map<String, ReceiverLane> lanes = new ConcurrentHashMap<>();
    private final OutboxWriter writer;
    private final Set<String> loggedOnce = ConcurrentHashMap.newKeySet();
    private volatile Map<String, DeviceMapping> mappings = Map.of();
    private volatile Set<String> configEnabled = Set.of();

    /**
     * @param receivers the receiver of a name ("chekt", "sia", "modbus"); empty when this build has none
     */
    public AlertDispatcher(OutboxStore outbox, Function<String, Optional<Receiver>> receivers, Options options,
                           Clock clock) {
        this.outbox = outbox;
        this.receivers = receivers;
        this.options = options;
        this.clock = clock;
        this.writer = new OutboxWriter(outbox, entry -> lane(entry).add(entry), clock);
    }

    /**
     * The config's device mappings and the receivers switched on in it (used when no receiver bean answers for a
     * name); rows already queued are retried now with the new mapping.
     */
    public void configure(Map<String, DeviceMapping> devices, Set<String> enabledInConfig) {
        this.mappings = Map.copyOf(devices);
        this.configEnabled = Set.copyOf(enabledInConfig);
        loggedOnce.clear();
        lanes.values().forEach(ReceiverLane::wake);
    }

    /** Resumes every row a previous run left pending or failed, in order. */
    public void start() throws SQLException {
        List<OutboxEntry> left = outbox.unfinished();
        if (!left.isEmpty()) {
            LOG.info("Resuming {} undelivered alert deliveries from the outbox", left.size());
        }
        left.forEach(entry -> lane(entry).add(entry));
    }

    /**
     * Queues the rows for {@code events}: the writer puts them on disk together with the other alerts of the moment
     * (group commit), then they go to their receivers. Returns without waiting for the disk; nothing is sent before
     * its row is written, and a row the disk refused is logged as lost.
     */
    public void dispatch(List<AlertEvent> events) {
        List<OutboxStore.Target> targets = new ArrayList<>();
        for (AlertEvent event : events) {
            DeviceMapping mapping = mappings.get(event.deviceId());
            if (mapping == null) {
                once("unmapped:" + event.deviceId(), "Device {} ({}) has no entry in config.yaml 'devices': its"
                        + " alarms reach no receiver", event.deviceId(), event.deviceName());
                continue;
            }
            for (DeliveryRouting.Route route : DeliveryRouting.routes(mapping)) {
                if (route.skipReason().isPresent()) {
                    once("route:" + event.deviceId() + ":" + route.receiver(), "Receiver {} skipped: {}",
                            route.receiver(), route.skipReason().get());
                } else if (!enabled(route.receiver())) {
                    once("disabled:" + route.receiver(), "Receiver {} is disabled in config.yaml: device {}"
                            + " events are not sent to it", route.receiver(), event.deviceId());
                } else {
                    targets.add(new OutboxStore.Target(route.receiver(), event));
                }
            }
        }
        writer.submit(targets);
    }

    /** The mapping in force for a device (the config's {@code devices} entry). */
    public Optional<DeviceMapping> mapping(String deviceId) {
        return Optional.ofNullable(mappings.get(deviceId));
    }

    public OutboxStore outbox() {
        return outbox;
    }

    private boolean enabled(String receiver) {
        return receivers.apply(receiver).map(Receiver::enabled).orElse(configEnabled.contains(receiver));
    }

    /** The entry's lane: one per receiver, or per receiver and key when the receiver has several. */
    private ReceiverLane lane(OutboxEntry entry) {
        DeviceMapping mapping = mappings.get(entry.event().deviceId());
        int index = mapping == null ? 0 : receivers.apply(entry.receiver()).map(r -> r.lane(mapping)).orElse(0);
        String name = index == 0 ? entry.receiver() : entry.receiver() + "-" + index;
        return lanes.computeIfAbsent(name, n -> new ReceiverLane(entry.receiver(), n, this::attempt, clock));
    }

    /**
     * One try of the lane's head; the entry to retry, or empty when it is finished. The answer goes to the writer's
     * next commit and the lane moves on at once: should the bridge die before that commit, the row is still pending
     * and is sent again after the restart (at least once, never lost).
     */
    private Optional<OutboxEntry> attempt(OutboxEntry entry) {
        AlertEvent event = entry.event();
        DeviceMapping mapping = mappings.get(event.deviceId());
        long now = clock.millis();
        if (mapping == null || !DeliveryRouting.routed(mapping, entry.receiver())) {
            writer.record(entry.retryAt(entry.attempts(), now, 0, "not sent: device no longer mapped to "
                    + entry.receiver()), OutboxEntry.EXPIRED);
            return Optional.empty();
        }
        Optional<Receiver> receiver = receivers.apply(entry.receiver());
        if (receiver.isPresent() && !receiver.get().enabled()) {
            return Optional.of(entry.holdUntil(now + DISABLED_RECHECK.toMillis()));
        }
        int attempts = entry.attempts() + 1;
        Delivery delivery = receiver.isEmpty()
                ? new Delivery(entry.receiver(), event.id(), false, "no " + entry.receiver()
                    + " receiver in this bridge", 0, now)
                : await(receiver.get(), event, mapping);
        long done = clock.millis();
        if (delivery.acknowledged()) {
            writer.record(entry.retryAt(attempts, done, 0, delivery.answer()), OutboxEntry.DELIVERED);
            LOG.info("Delivered {} to {} (device {}, attempt {}): {}", event.id(), entry.receiver(),
                    event.deviceId(), attempts, delivery.answer());
            return Optional.empty();
        }
        if (done - entry.createdMillis() >= options.expiry().toMillis()) {
            writer.record(entry.retryAt(attempts, done, 0, delivery.answer()), OutboxEntry.EXPIRED);
            LOG.error("Gave up {} to {} (device {}) after {} attempts over {}: {}", event.id(), entry.receiver(),
                    event.deviceId(), attempts, options.expiry(), delivery.answer());
            return Optional.empty();
        }
        long next = done + options.backoff().delayMillis(attempts, ThreadLocalRandom.current().nextDouble());
        OutboxEntry retry = entry.retryAt(attempts, done, next, delivery.answer());
        writer.record(retry, OutboxEntry.FAILED);
        LOG.warn("Delivery of {} to {} failed (device {}, attempt {}): {}; next try in {} ms", event.id(),
                entry.receiver(), event.deviceId(), attempts, delivery.answer(), next - done);
        return Optional.of(retry);
    }

    private Delivery await(Receiver receiver, AlertEvent event, DeviceMapping mapping) {
        long now = clock.millis();
        try {
            return receiver.deliverOnCaller(event, mapping, options.answerTimeout());
        } catch (TimeoutException e) {
            return new Delivery(receiver.name(), event.id(), false, "no answer within " + options.answerTimeout(),
                    1, now);
        } catch (ExecutionException e) {
            return new Delivery(receiver.name(), event.id(), false, "receiver error: " + e.getCause(), 1, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(receiver.name(), event.id(), false, "interrupted (bridge stopping)", 0, now);
        } catch (RuntimeException e) {
            return new Delivery(receiver.name(), event.id(), false, "receiver error: " + e, 1, now);
        }
    }

    private void once(String key, String format, Object... args) {
        if (loggedOnce.add(key)) {
            LOG.warn(format, args);
        }
    }

    /** Rows queued in memory per receiver (the outbox file has the same ones). */
    public Map<String, Integer> queued() {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        lanes.values().forEach(lane -> sizes.merge(lane.receiver(), lane.size(), Integer::sum));
        return sizes;
    }

    @Override
    public void close() {
        lanes.values().forEach(ReceiverLane::close); // first, so the writer records their last answers
        writer.close();
    }
}
