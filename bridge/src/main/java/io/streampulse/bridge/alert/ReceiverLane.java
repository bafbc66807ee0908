package io.streampulse.bridge.alert;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * The queue of one receiver (or of one of its lanes, see {@code Receiver.lane}), worked by one thread in outbox
 * order: the head is attempted until it is finished (delivered or expired) before the next one goes, so a receiver
 * sees the events of a lane in the order they happened.
 * {@code attempt} returns the entry to try again (with its next attempt time), or empty when it is finished.
 */
final class ReceiverLane implements AutoCloseable {

    private final String receiver;
    private final Deque<OutboxEntry> queue = new ArrayDeque<>();
    private final Function<OutboxEntry, Optional<OutboxEntry>> attempt;
    private final Clock clock;
    private final Thread worker;
    private boolean closed;

    ReceiverLane(String receiver, String name, Function<OutboxEntry, Optional<OutboxEntry>> attempt, Clock clock) {
        this.receiver = receiver;
        this.attempt = attempt;
        this.clock = clock;
        this.worker = new Thread(this::run, "delivery-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    String receiver() {
        return receiver;
    }

    synchronized void add(OutboxEntry entry) {
        queue.addLast(entry);
        notifyAll();
    }

    /** Retries the head now (config changed, a receiver was enabled). */
    synchronized void wake() {
        OutboxEntry head = queue.pollFirst();
        if (head != null) {
            queue.addFirst(head.holdUntil(Math.min(head.nextAttemptMillis(), clock.millis())));
        }
        notifyAll();
    }

    synchronized int size() {
        return queue.size();
    }

    private void run() {
        while (true) {
            OutboxEntry head = nextDue();
            if (head == null) {
                return;
            }
            Optional<OutboxEntry> again = attempt.apply(head);
            synchronized (this) {
                queue.pollFirst();
                again.ifPresent(queue::addFirst);
            }
        }
    }

    /** Waits for a head whose attempt time has come; null once closed. */
    private synchronized OutboxEntry nextDue() {
        try {
            while (!closed) {
                OutboxEntry head = queue.peekFirst();
                if (head == null) {
                    wait();
                    continue;
                }
                long wait = head.nextAttemptMillis() - clock.millis();
                if (wait <= 0) {
                    return head;
                }
                wait(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        worker.interrupt();
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
