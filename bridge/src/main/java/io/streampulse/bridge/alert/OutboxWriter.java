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
 * Group commit for the outbox: one thread drains everything queued since its last commit, new rows and the
 * receivers' answers alike, and writes it in one transaction (one fsync); then it hands the new rows, in queue
 * order, to {@code release} (the receiver lanes). So nothing is sent before its row is on disk, and under load many
 * alerts and acknowledgements share one fsync. A lane hands over an answer and goes on to its next row at once: at
 * one fsync per acknowledgement (about 2 ms here) the lanes had spent most of their time waiting for the disk.
 */
final class OutboxWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    /** Bounds one transaction, so a burst is released in slices rather than all after one long write. */
    static final int MAX_BATCH = 1_000;

    /** New rows or one answer; {@link #STOP} ends the writer. */
    private record Work(List<OutboxStore.Target> targets, OutboxStore.Outcome outcome) {
    }

    /** Queued by {@link #close}; compared by identity. */
    private static final Work STOP = new Work(List.of(), null);

    private final OutboxStore outbox;
    private final Consumer<OutboxEntry> release;
    private final Clock clock;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
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
            queue.add(new Work(List.copyOf(targets), null));
        }
    }

    /** Queues a row's new status (delivered, expired, failed with its next attempt) for the next commit. */
    void record(OutboxEntry entry, String status) {
        queue.add(new Work(List.of(), new OutboxStore.Outcome(entry, status)));
    }

    private void run() {
        List<Work> drained = new ArrayList<>();
        try {
            while (true) {
                drained.add(queue.take());
                queue.drainTo(drained, MAX_BATCH);
                boolean stop = drained.contains(STOP);
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

    private void write(List<Work> work) {
        List<OutboxStore.Target> targets = work.stream().flatMap(w -> w.targets().stream()).toList();
        List<OutboxStore.Outcome> outcomes = work.stream().map(Work::outcome)
                .filter(java.util.Objects::nonNull).toList();
        if (targets.isEmpty() && outcomes.isEmpty()) {
            return;
        }
        try {
            outbox.write(targets, outcomes, clock.millis()).forEach(release);
        } catch (SQLException e) {
            // The disk refused the write: the live feed still shows the alarms; say loudly what is lost. An answer
            // not recorded leaves its row pending: sent again after a restart (a duplicate, never a loss).
            LOG.error("Outbox write failed: {}; alert(s) {} will not be delivered; answers for {} not recorded",
                    e.getMessage(), targets.stream().map(t -> t.event().id() + "->" + t.receiver()).distinct()
                            .toList(), outcomes.stream().map(o -> o.entry().seq()).toList());
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
