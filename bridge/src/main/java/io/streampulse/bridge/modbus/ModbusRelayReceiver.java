package io.streampulse.bridge.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.LastDeliveries;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.health.HealthContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives a Modbus TCP relay board from alert events ({@link RelayPlanner} decides, {@link ModbusRelayClient}
 * writes). Everything that touches the board holds one lock per board, so writes are serialized: the delivery
 * lanes' {@link #deliverOnCaller} writes on the lane's thread (which waits for the answer anyway: two thread
 * hand-offs fewer per coil write), {@link #deliver} and test pulses on the board's own thread, and pulse ends are
 * scheduled on that thread, not slept. A new pulse on a channel whose pulse is
 * still running extends it instead of being cut short by the first one's end (yolink-chekt's bug 7), and a test
 * pulse does not switch off a channel that a follower-mode alarm holds on. Answered when the board answered the
 * ON/OFF write (the pulse's OFF is logged and shown on /health if it fails).
 */
public final class ModbusRelayReceiver implements Receiver, HealthContributor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusRelayReceiver.class);
    public static final String NAME = "modbus";

    private final Supplier<ReceiversSection.Modbus> config;
    private final ModbusRelayClient client;
    private final Clock clock;
    private final ScheduledExecutorService board;
    private final LastDeliveries history = new LastDeliveries();
    /** Held for every board write and while {@code follower} and {@code pulseEnds} are read or changed. */
    private final Object boardLock = new Object();
    private final FollowerChannels follower = new FollowerChannels();
    private final Map<Integer, ScheduledFuture<?>> pulseEnds = new HashMap<>();
    private volatile boolean connected;

    public ModbusRelayReceiver(Supplier<ReceiversSection.Modbus> config, int timeoutMs, Clock clock) {
        this.config = config;
        this.client = new ModbusRelayClient(timeoutMs);
        this.clock = clock;
        this.board = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "modbus-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        ReceiversSection.Modbus current = config.get();
        return current.enabled() && !current.host().isBlank();
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        return onBoard(event.id(), () -> handle(event, mapping));
    }

    /**
     * The write on the calling thread (a delivery lane's), under the board's lock; never throws. The answer comes
     * within the client's I/O timeouts (a reconnect and one more write at most), not {@code timeout}.
     */
    @Override
    public Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout) {
        Delivery refused = refusal(event.id());
        if (refused != null) {
            return history.record(refused);
        }
        try {
            return history.record(handle(event, mapping));
        } catch (RuntimeException bug) {
            return history.record(internalError(event.id(), bug));
        }
    }

    private Delivery handle(AlertEvent event, DeviceMapping mapping) {
        synchronized (boardLock) {
            ReceiversSection.Modbus current = config.get();
            RelayPlan plan = RelayPlanner.plan(current, event, mapping);
            if (current.mode() == ReceiversSection.Modbus.Mode.FOLLOWER && plan instanceof RelayPlan.Write write) {
                int channel = write.command().channel();
                String alarm = event.deviceId() + "/" + event.cause();
                if (!event.restore()) {
                    follower.hold(channel, alarm);
                } else {
                    int others = follower.release(channel, alarm);
                    if (others > 0) {
                        plan = new RelayPlan.Nothing("coil " + write.command().coil() + " stays on: " + others
                                + " other alarm(s) hold channel " + channel);
                    }
                }
            }
            return execute(event.id(), event.deviceId(), current, plan);
        }
    }

    /** Pulses {@code channel} for {@code receivers.modbus.pulse_ms}, whatever the mode, and returns the answer. */
    public CompletableFuture<Delivery> sendTest(int channel) {
        String id = "test-" + clock.millis();
        return onBoard(id, () -> {
            synchronized (boardLock) {
                ReceiversSection.Modbus current = config.get();
                return execute(id, "test", current, RelayPlanner.test(current, channel));
            }
        });
    }

    private CompletableFuture<Delivery> onBoard(String eventId, Supplier<Delivery> work) {
        Delivery refused = refusal(eventId);
        if (refused != null) {
            return done(refused);
        }
        try {
            return CompletableFuture.supplyAsync(work, board)
                    .exceptionally(bug -> internalError(eventId, bug))
                    .thenApply(history::record);
        } catch (RejectedExecutionException e) {
            return done(stopped(eventId));
        }
    }

    /** Why nothing is written now (switched off, or stopped), or null. */
    private Delivery refusal(String eventId) {
        if (!config.get().enabled()) {
            return new Delivery(NAME, eventId, false, "the Modbus receiver is disabled (receivers.modbus.enabled)", 0,
                    clock.millis());
        }
        return board.isShutdown() ? stopped(eventId) : null;
    }

    private Delivery stopped(String eventId) {
        return new Delivery(NAME, eventId, false, "the Modbus receiver is stopped", 0, clock.millis());
    }

    private Delivery internalError(String eventId, Throwable bug) {
        LOG.error("Modbus event {} could not be handled", eventId, bug);
        return new Delivery(NAME, eventId, false, "internal error: " + bug, 0, clock.millis());
    }

    private CompletableFuture<Delivery> done(Delivery delivery) {
        return CompletableFuture.completedFuture(history.record(delivery));
    }

    private Delivery execute(String eventId, String deviceId, ReceiversSection.Modbus current, RelayPlan plan) {
        if (plan instanceof RelayPlan.Refused refused) {
            LOG.warn("Modbus event {} (device {}) not written: {}", eventId, deviceId, refused.why());
            return new Delivery(NAME, eventId, false, refused.why(), 0, clock.millis());
        }
        if (plan instanceof RelayPlan.Nothing nothing) {
            return new Delivery(NAME, eventId, true, nothing.why(), 0, clock.millis());
        }
        RelayCommand command = ((RelayPlan.Write) plan).command();
        String failure = write(current, command);
        if (failure != null) {
            LOG.warn("Modbus event {} (device {}): {}", eventId, deviceId, failure);
            return new Delivery(NAME, eventId, false, failure, 1, clock.millis());
        }
        if (command.pulseMs() > 0) {
            schedulePulseEnd(command);
        }
        return new Delivery(NAME, eventId, true, command.describe(), 1, clock.millis());
    }

    /** Null when the board acknowledged the write; otherwise what went wrong. */
    private String write(ReceiversSection.Modbus current, RelayCommand command) {
        try {
            client.writeCoil(current.host(), current.port(), current.unitId(), command.coil(), command.on());
            return null;
        } catch (ModbusSlaveException e) {
            return "board " + current.host() + ":" + current.port() + " answered Modbus exception " + e.getType()
                    + " (" + e.getMessage() + ") to " + command.describe() + " at unit " + current.unitId();
        } catch (ModbusException e) {
            return command.describe() + " failed on " + current.host() + ":" + current.port() + ": "
                    + e.getMessage();
        } finally {
            connected = client.connected();
        }
    }

    /** Under the board's lock. A pulse started while the receiver closes is not ended: the close cuts the link. */
    private void schedulePulseEnd(RelayCommand pulse) {
        if (board.isShutdown()) {
            return;
        }
        ScheduledFuture<?> previous = pulseEnds.remove(pulse.channel());
        if (previous != null) {
            previous.cancel(false);
        }
        pulseEnds.put(pulse.channel(), board.schedule(() -> endPulse(pulse), pulse.pulseMs(), TimeUnit.MILLISECONDS));
    }

    private void endPulse(RelayCommand pulse) {
        String failure;
        synchronized (boardLock) {
            pulseEnds.remove(pulse.channel());
            if (follower.held(pulse.channel())) {
                return;
            }
            failure = write(config.get(), RelayCommand.off(pulse.channel()));
        }
        if (failure != null) {
            LOG.warn("Modbus pulse end on channel {}: {}", pulse.channel(), failure);
            history.record(new Delivery(NAME, "pulse-end", false, failure, 1, clock.millis()));
        }
    }

    @Override
    public boolean healthy() {
        return history.healthy(enabled());
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = history.details(enabled());
        ReceiversSection.Modbus current = config.get();
        details.put("board", current.host() + ":" + current.port() + " unit " + current.unitId());
        details.put("connected", connected);
        return details;
    }

    @Override
    public void close() {
        board.shutdownNow();
        try {
            board.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (boardLock) { // after a lane's write in progress
            client.close();
        }
    }
}
