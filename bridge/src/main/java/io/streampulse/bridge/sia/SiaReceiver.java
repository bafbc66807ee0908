package io.streampulse.bridge.sia;

import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection.Sia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A SIA DC-09 receiver over TCP or UDP. One exchange at a time holds the wire (a lock), so exactly one message is
 * outstanding: {@link #deliver} queues it on the receiver's worker thread and returns at once (deliveries go out in
 * call order); {@link #deliverOnCaller}, the delivery lane's call, runs it on the lane's own thread, which waits for
 * the answer anyway (two thread hand-offs fewer per event). An idle link carries a NULL supervision message every
 * {@code supervision} interval, sent by the worker. A NAK teaches the receiver's clock: later timestamps carry the
 * learnt offset.
 */
public final class SiaReceiver implements Receiver, AutoCloseable {

    public static final String NAME = "sia";
    private static final Logger LOG = LoggerFactory.getLogger(SiaReceiver.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final SiaSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final SiaSequence sequence;
    private final SiaLink link;
    private final SiaExchange exchange;
    /** Held for each exchange (alert or NULL), whichever thread runs it; guards the link, sequence and offset. */
    private final ReentrantLock wire = new ReentrantLock();
    private Duration clockOffset = Duration.ZERO;
    private ScheduledFuture<?> supervision;
    private volatile SiaLinkStatus status = SiaLinkStatus.NONE;
    private volatile boolean closed;

    public SiaReceiver(Sia config, Clock clock) {
        this(SiaSettings.from(config), clock);
    }

    public SiaReceiver(SiaSettings settings, Clock clock) {
        this(settings, clock, new SiaSequence());
    }

    SiaReceiver(SiaSettings settings, Clock clock, SiaSequence sequence) {
        this.settings = settings;
        this.clock = clock;
        this.sequence = sequence;
        this.link = settings.transport() == Sia.Transport.UDP ? new SiaUdpLink(settings.host(), settings.port())
                : new SiaTcpLink(settings.host(), settings.port(), settings.timeout());
        this.exchange = new SiaExchange(link, settings, new SecureRandom());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sia-" + settings.target().replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // no supervision after close
        this.worker = executor;
        if (sendable()) {
            worker.execute(() -> onWire(this::armSupervision));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    public SiaSettings settings() {
        return settings;
    }

    public SiaLinkStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        Message message = message(event, mapping);
        if (message.refusal() != null) {
            return CompletableFuture.completedFuture(message.refusal());
        }
        CompletableFuture<Delivery> result = new CompletableFuture<>();
        try {
            worker.execute(new PendingDelivery(result, () -> exchange(event, message), () -> refused(event,
                    "SIA receiver closed before sending")));
        } catch (RejectedExecutionException e) {
            result.complete(refused(event, "SIA receiver is closed"));
        }
        return result;
    }

    /**
     * The exchange on the calling thread (a delivery lane's), after any exchange in progress; bounded by this
     * receiver's own {@code timeout_seconds} per attempt, so {@code timeout} is not needed.
     */
    @Override
    public Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout) {
        Message message = message(event, mapping);
        return message.refusal() != null ? message.refusal() : exchange(event, message);
    }

    /** The frame's id and data for an event, or why it cannot be sent. */
    private record Message(String id, String data, Delivery refusal) {
    }

    private Message message(AlertEvent event, DeviceMapping mapping) {
        String refusal = !settings.enabled() ? "SIA receiver is disabled" : settings.problem();
        if (refusal != null) {
            return new Message(null, null, refused(event, refusal));
        }
        try {
            String id = settings.format() == Sia.Format.ADM_CID ? SiaFrame.ADM_CID : SiaFrame.SIA_DCS;
            return new Message(id, SiaEventCodes.data(settings.format(), settings.account(), event, mapping), null);
        } catch (IllegalArgumentException e) {
            return new Message(null, null, refused(event, e.getMessage()));
        } catch (RuntimeException e) {
            return new Message(null, null, refused(event, "cannot encode event: " + e));
        }
    }

    private Delivery exchange(AlertEvent event, Message message) {
        wire.lock();
        try {
            return closed ? refused(event, "SIA receiver is closed") : transmit(event, message.id(), message.data());
        } finally {
            if (closed) {
                link.close(); // closed while this exchange ran: close() did not wait for it
            }
            wire.unlock();
        }
    }

    /** Runs {@code task} holding the wire, unless the receiver is closed. */
    private void onWire(Runnable task) {
        wire.lock();
        try {
            if (!closed) {
                task.run();
            }
        } finally {
            wire.unlock();
        }
    }

    /** Holding the wire. */
    private Delivery transmit(AlertEvent event, String id, String data) {
        try {
            SiaExchange.Result result = send(id, data);
            if (result.acknowledged()) {
                // DEBUG: the dispatcher's "Delivered" line carries the same answer; two INFO lines per alarm
                // written synchronously to stdout cost the lane more than the frame did
                LOG.debug("SIA {} event {} of device {}: {}", settings.target(), event.id(), event.deviceId(),
                        result.answer());
            } else {
                LOG.warn("SIA {} event {} of device {} not acknowledged: {}", settings.target(), event.id(),
                        event.deviceId(), result.answer());
            }
            return new Delivery(NAME, event.id(), result.acknowledged(), result.answer(), result.attempts(),
                    clock.millis());
        } catch (SiaFrameException e) {
            LOG.warn("SIA {} event {} of device {}: cannot build the frame: {}", settings.target(), event.id(),
                    event.deviceId(), e.getMessage());
            return refused(event, "cannot build the frame: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("SIA {} event {} of device {}: unexpected failure", settings.target(), event.id(),
                    event.deviceId(), e);
            return refused(event, "internal error: " + e);
        }
    }

    /** Holding the wire. */
    private void supervise() {
        try {
            SiaExchange.Result result = send(SiaFrame.NULL, "");
            if (!result.acknowledged()) {
                LOG.warn("SIA {} supervision (NULL) not acknowledged: {}", settings.target(), result.answer());
            }
        } catch (RuntimeException e) {
            LOG.error("SIA {} supervision: unexpected failure", settings.target(), e);
        }
    }

    /** Holding the wire. */
    private SiaExchange.Result send(String id, String data) {
        Instant now = clock.instant();
        SiaFrame frame = new SiaFrame(id, sequence.next(), settings.receiver(), settings.line(), settings.account(),
                data, now.plus(clockOffset));
        SiaExchange.Result result = exchange.send(frame);
        if (result.receiverTime() != null) {
            clockOffset = Duration.between(now, result.receiverTime());
        }
        status = status.after(result.answer(), result.acknowledged(), clock.instant());
        armSupervision();
        return result;
    }

    /** Holding the wire: (re)starts the idle timer after any exchange. */
    private void armSupervision() {
        if (supervision != null) {
            supervision.cancel(false);
        }
        if (!settings.supervision().isZero()) {
            try {
                supervision = worker.schedule(() -> onWire(this::supervise), settings.supervision().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                supervision = null; // closing: no more supervision
            }
        }
    }

    private boolean sendable() {
        return settings.enabled() && settings.problem() == null;
    }

    private Delivery refused(AlertEvent event, String reason) {
        return new Delivery(NAME, event.id(), false, reason, 0, clock.millis());
    }

    /**
     * Stops the worker and closes the connection; deliveries still queued complete as not acknowledged, later ones
     * are refused. An exchange still running on a lane's thread after the grace closes the link when it ends.
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandon(worker.shutdownNow());
            }
            closed = true;
            if (wire.tryLock(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    link.close();
                } finally {
                    wire.unlock();
                }
            }
        } catch (InterruptedException e) {
            closed = true;
            abandon(worker.shutdownNow());
            Thread.currentThread().interrupt();
        }
    }

    private static void abandon(List<Runnable> unrun) {
        for (Runnable task : unrun) {
            if (task instanceof PendingDelivery pending) {
                pending.abandon();
            }
        }
    }

    /** A queued delivery that can still complete its future when the worker stops before running it. */
    private record PendingDelivery(CompletableFuture<Delivery> result, Supplier<Delivery> send,
                                   Supplier<Delivery> abandoned) implements Runnable {
        @Override
        public void run() {
            result.complete(send.get());
        }

        void abandon() {
            result.complete(abandoned.get());
        }
    }
}
