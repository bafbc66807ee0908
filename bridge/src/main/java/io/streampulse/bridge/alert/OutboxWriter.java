package io.streampulse.bridge.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Group commit for the outbox: one thread drains every target queued since its last commit and writes them in one
 * transaction (one fsync), then hands the new rows, in queue order, to {@code release} (the receiver lanes). So
 * nothing is sent before its row is on disk, and under load many alerts share one fsync instead of each waiting
 * for its own.
 */
final class OutboxWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    /** Bounds one transaction, so a burst is released in slices rather than all after one long write. */
    static final int MAX_BATCH = 1_000;
    /** Queued by {@link #close}; compared by identity. */
    private static final List<OutboxStore.Target> STOP = new ArrayList<>();

    private final OutboxStore outbox;
    private final Consumer<OutboxEntry> release;
    private final Clock clock;
    private final LinkedBlockingQueue<List<OutboxStore.Target>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    OutboxWriter(OutboxStore outbox, Consumer<OutboxEntry> release, Clock clock) {
        this.outbox = outbox;
        this.release = release;
        this.clock = clock;
        this.worker = new Thread(this::run, "outbox-writer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues the targets of one change; they are written with whatever else is queued when the writer is free. */
    void submit(List<OutboxStore.Target> targets) {
        if (!targets.isEmpty()) {
            queue.add(List.copyOf(targets));
        }
    }

    private void run() {
        List<List<OutboxStore.Target>> drained = new ArrayList<>();
        try {
            while (true) {
                drained.add(queue.take());
                queue.drainTo(drained, MAX_BATCH);
                boolean stop = drained.stream().anyMatch(change -> change == STOP);
                write(drained);
                drained.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<List<OutboxStore.Target>> changes) {
        List<OutboxStore.Target> targets = changes.stream().flatMap(List::stream).toList();
        if (targets.isEmpty()) {
            return;
        }
        try {
            outbox.enqueue(targets, clock.millis()).forEach(release);
        } catch (SQLException e) {
            // The disk refused the write: the live feed still shows the alarms; say loudly what is lost.
            LOG.error("Alert(s) {} could not be written to the outbox and will not be delivered: {}",
                    targets.stream().map(t -> t.event().id() + "->" + t.receiver()).distinct().toList(),
                    e.getMessage());
        }
    }

    /** Writes what is still queued, then stops. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
