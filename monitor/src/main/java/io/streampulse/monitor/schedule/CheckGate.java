package io.streampulse.monitor.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bounds how many checks run at once, overall and per camera host, without blocking anybody: a check that
 * cannot start now waits in a FIFO queue and is started by the {@link #release} that frees its slot. A waiting
 * check for a busy host does not hold back checks of other hosts.
 */
public final class CheckGate {

    private final int globalLimit;
    private final int perHostLimit;
    private final Map<String, Integer> runningPerHost = new HashMap<>();
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int running;

    private record Waiting(String host, Runnable task) {
    }

    public CheckGate(int globalLimit, int perHostLimit) {
        this.globalLimit = globalLimit;
        this.perHostLimit = perHostLimit;
    }

    /** Runs {@code task} now (on the caller's thread) if there is room, else later; it must end with release. */
    public void submit(String host, Runnable task) {
        boolean now;
        synchronized (this) {
            now = hasRoom(host);
            if (now) {
                take(host);
            } else {
                waiting.add(new Waiting(host, task));
            }
        }
        if (now) {
            task.run();
        }
    }

    /** Frees the slot of a finished check and starts the waiting checks that now fit. */
    public void release(String host) {
        List<Runnable> start = new ArrayList<>();
        synchronized (this) {
            running--;
            runningPerHost.merge(host, -1, Integer::sum);
            runningPerHost.remove(host, 0);
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && running < globalLimit; ) {
                Waiting next = it.next();
                if (hasRoom(next.host())) {
                    it.remove();
                    take(next.host());
                    start.add(next.task());
                }
            }
        }
        start.forEach(Runnable::run);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    private boolean hasRoom(String host) {
        return running < globalLimit && runningPerHost.getOrDefault(host, 0) < perHostLimit;
    }

    private void take(String host) {
        running++;
        runningPerHost.merge(host, 1, Integer::sum);
    }
}
