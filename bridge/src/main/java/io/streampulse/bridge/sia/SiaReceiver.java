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
import java.util.function.Supplier;

/**
 * A SIA DC-09 receiver over TCP or UDP. Everything on the wire happens on one worker thread, so exactly one
 * message is outstanding and the caller never blocks; deliveries queue in order. An idle link carries a NULL
 * supervision message every {@code supervision} interval. A NAK teaches the receiver's clock: later timestamps
 * carry the learnt offset.
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
    private Duration clockOffset = Duration.ZERO;
    private ScheduledFuture<?> supervision;
    private volatile SiaLinkStatus status = SiaLinkStatus.NONE;

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
            worker.execute(this::armSupervision);
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
        String refusal = !settings.enabled() ? "SIA receiver is disabled" : settings.problem();
        if (refusal != null) {
            return CompletableFuture.completedFuture(refused(event, refusal));
        }
        String data;
        try {
            data = SiaEventCodes.data(settings.format(), settings.account(), event, mapping);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(refused(event, e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(refused(event, "cannot encode event: " + e));
        }
        CompletableFuture<Delivery> result = new CompletableFuture<>();
        String id = settings.format() == Sia.Format.ADM_CID ? SiaFrame.ADM_CID : SiaFrame.SIA_DCS;
        try {
            worker.execute(new PendingDelivery(result, () -> transmit(event, id, data), () -> refused(event,
                    "SIA receiver closed before sending")));
        } catch (RejectedExecutionException e) {
            result.complete(refused(event, "SIA receiver is closed"));
        }
        return result;
    }

    private Delivery transmit(AlertEvent event, String id, String data) {
        try {
            SiaExchange.Result result = send(id, data);
            if (result.acknowledged()) {
                LOG.info("SIA {} event {} of device {}: {}", settings.target(), event.id(), event.deviceId(),
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

    /** Worker thread only. */
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

    /** Worker thread only: (re)starts the idle timer after any exchange. */
    private void armSupervision() {
        if (supervision != null) {
            supervision.cancel(false);
        }
        if (!settings.supervision().isZero()) {
            supervision = worker.schedule(this::supervise, settings.supervision().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean sendable() {
        return settings.enabled() && settings.problem() == null;
    }

    private Delivery refused(AlertEvent event, String reason) {
        return new Delivery(NAME, event.id(), false, reason, 0, clock.millis());
    }

    /** Stops the worker and closes the connection; deliveries still queued complete as not acknowledged. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandon(worker.shutdownNow());
            }
        } catch (InterruptedException e) {
            abandon(worker.shutdownNow());
            Thread.currentThread().interrupt();
        }
        link.close();
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
