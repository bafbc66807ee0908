package io.streampulse.monitor.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.health.HealthContributor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Takes beats off the probing path: {@link #accept} only queues, and one thread writes them in batched
 * transactions, checkpoints the WAL every minute and runs the retention every hour (SQLite has one writer; here it
 * is this thread). If the database
 * fails, the batch is kept and retried, so a full disk or a locked file costs delay, not history; only when the
 * queue itself is full (about 13 minutes of beats at 250 checks/s) are new beats refused, and counted.
 */
@Singleton
public class HeartbeatWriter implements Consumer<CheckOutcome>, HealthContributor {

    static final int QUEUE_CAPACITY = 200_000;
    private static final int MAX_BATCH = 5_000;
    private static final long RETENTION_EVERY_MS = 3_600_000L;
    private static final long MESSAGE_PRUNE_EVERY_MS = 86_400_000L;
    private static final long CHECKPOINT_EVERY_MS = 60_000L;
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    private final BlockingQueue<Heartbeat> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final HistoryWrites writes;
    private final HistoryRetention retention;
    private final ConfigWatcher config;
    private final Clock clock;
    private final Thread thread;
    private final Counter dropped;
    private final Timer writeTime;
    private volatile boolean running = true;
    private volatile String lastError;
    private final AtomicLong accepted = new AtomicLong();
    private final Object progress = new Object();
    private long written;
    private long nextRetention;
    private long nextMessagePrune;
    private long nextCheckpoint;

    public HeartbeatWriter(HistoryWrites writes, HistoryRetention retention, ConfigWatcher config,
                           MeterRegistry registry) {
        this.writes = writes;
        this.retention = retention;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.dropped = Counter.builder("streampulse.history.dropped").description(
                "Beats refused because the history queue was full").register(registry);
        this.writeTime = Timer.builder("streampulse.history.write").description(
                "Time to store one batch of beats").register(registry);
        Gauge.builder("streampulse.history.queue.depth", queue, BlockingQueue::size)
                .description("Beats waiting to be stored").register(registry);
        this.thread = new Thread(this::run, "history-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(CheckOutcome outcome) {
        if (queue.offer(outcome.beat())) {
            accepted.incrementAndGet();
        } else {
            dropped.increment();
            if (dropped.count() % 1_000 == 1) {
                LOG.warn("History queue full ({} beats): beat of stream {} not stored; {} so far", QUEUE_CAPACITY,
                        outcome.beat().streamId(), (long) dropped.count());
            }
        }
    }

    private void run() {
        nextRetention = clock.millis();
        nextMessagePrune = clock.millis() + MESSAGE_PRUNE_EVERY_MS;
        List<Heartbeat> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                maintain();
                if (batch.isEmpty()) {
                    Heartbeat first = queue.poll(500, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, MAX_BATCH - 1);
                    }
                }
                if (!batch.isEmpty()) {
                    store(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) { // SQLExceptions arrive unwrapped through the transaction callback
                failed(e, batch.size());
                if (!running) {
                    return;
                }
                pause();
            }
        }
    }

    private void store(List<Heartbeat> batch) {
        writeTime.record(() -> writes.append(batch));
        if (lastError != null) {
            LOG.info("History database writable again; {} beats stored", batch.size());
            lastError = null;
        }
        synchronized (progress) {
            written += batch.size();
            progress.notifyAll();
        }
    }

    private void maintain() {
        long now = clock.millis();
        if (now >= nextRetention) {
            nextRetention = now + RETENTION_EVERY_MS;
            HistoryRetention.Removed removed = retention.apply(config.current().config().monitor().retention(), now);
            LOG.info("History retention: removed {}", removed);
        }
        if (now >= nextCheckpoint) {
            nextCheckpoint = now + CHECKPOINT_EVERY_MS;
            writes.checkpoint();
        }
        if (now >= nextMessagePrune) {
            nextMessagePrune = now + MESSAGE_PRUNE_EVERY_MS;
            retention.pruneMessages();
        }
    }

    private void failed(Exception e, int pending) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!reason.equals(lastError)) {
            LOG.warn("History database write failed, {} beats kept for retry: {}", pending, reason);
        }
        lastError = reason;
    }

    private static void pause() {
        try {
            Thread.sleep(1_000); // a failing disk: retry once a second, not in a tight loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every beat queued before the call is stored (tests, shutdown). */
    public boolean flush(long timeoutMs) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (progress) {
            while (written < target && System.currentTimeMillis() < deadline) {
                progress.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return written >= target;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        thread.join(3_000);
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public boolean healthy() {
        return lastError == null;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("queued", queue.size());
        synchronized (progress) {
            details.put("stored", written);
        }
        details.put("dropped", (long) dropped.count());
        if (lastError != null) {
            details.put("error", lastError);
        }
        return details;
    }
}
