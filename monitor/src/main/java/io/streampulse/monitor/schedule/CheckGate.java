package io.streampulse.monitor.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Bounds how many checks run at once, overall and per camera host, without blocking anybody: a check that
 * cannot start now waits and is started by the {@link #release} that frees its slot, oldest first. A waiting
 * check for a busy host does not hold back checks of other hosts.
 * <p>
 * Waiting checks are kept in two places so a release costs O(log n), not a pass over every waiting check (that
 * pass made a backlog of thousands, after a stall or behind slow cameras, feed on itself): {@code parked}, per
 * host, the checks whose host is at its limit; {@code ready}, in submission order, the checks held back only by
 * the global limit. A host's {@code claimed} count is its running checks plus its checks in {@code ready}, so
 * starting everything in {@code ready} never exceeds the per-host limit.
 */
public final class CheckGate {

    private final int globalLimit;
    private final int perHostLimit;
    private final Map<String, Integer> claimed = new HashMap<>();
    private final Map<String, Deque<Waiting>> parked = new HashMap<>();
    private final PriorityQueue<Waiting> ready = new PriorityQueue<>(Comparator.comparingLong(Waiting::order));
    private int running;
    private int waiting;
    private long submitted;

    private record Waiting(long order, String host, Runnable task) {
    }

    public CheckGate(int globalLimit, int perHostLimit) {
        this.globalLimit = globalLimit;
        this.perHostLimit = perHostLimit;
    }

    /** Runs {@code task} now (on the caller's thread) if there is room, else later; it must end with release. */
    public void submit(String host, Runnable task) {
        synchronized (this) {
            Waiting check = new Waiting(submitted++, host, task);
            if (claimed.getOrDefault(host, 0) >= perHostLimit) {
                parked.computeIfAbsent(host, h -> new ArrayDeque<>()).add(check);
                waiting++;
                return;
            }
            claimed.merge(host, 1, Integer::sum);
            if (running >= globalLimit) {
                ready.add(check);
                waiting++;
                return;
            }
            running++;
        }
        task.run();
    }

    /** Frees the slot of a finished check and starts the waiting checks that now fit. */
    public void release(String host) {
        List<Runnable> start = new ArrayList<>();
        synchronized (this) {
            running--;
            Deque<Waiting> hostQueue = parked.get(host);
            if (hostQueue != null) {
                ready.add(hostQueue.poll()); // the host's freed slot goes to its oldest parked check
                if (hostQueue.isEmpty()) {
                    parked.remove(host);
                }
            } else if (claimed.merge(host, -1, Integer::sum) == 0) {
                claimed.remove(host);
            }
            while (running < globalLimit && !ready.isEmpty()) {
                running++;
                waiting--;
                start.add(ready.poll().task());
            }
        }
        start.forEach(Runnable::run);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int waiting() {
        return waiting;
    }
}
