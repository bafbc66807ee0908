package io.streampulse.publisher.outbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What could not be sent yet (broker down, publish failed), at most one message per topic: a newer message for a
 * topic replaces the older, since subscribers want the latest state, not the history. Bounded: past
 * {@code capacity} topics the one waiting longest is dropped and counted. Callers never wait on it.
 */
public final class Outbox {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final LinkedHashMap<String, OutgoingMessage> pending = new LinkedHashMap<>();
    private long dropped;

    public Outbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity must be at least 1 (got " + capacity + ")");
        }
        this.capacity = capacity;
    }

    public synchronized void offer(OutgoingMessage message) {
        // re-inserting moves the topic to the back: its message is now the newest
        pending.remove(message.topic());
        pending.put(message.topic(), message);
        if (pending.size() > capacity) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
            dropped++;
        }
    }

    /** Everything waiting, oldest first; the outbox is empty afterwards. */
    public synchronized List<OutgoingMessage> drain() {
        List<OutgoingMessage> all = new ArrayList<>(pending.values());
        pending.clear();
        return all;
    }

    public synchronized int size() {
        return pending.size();
    }

    /** Messages dropped because the outbox was full, since start. */
    public synchronized long dropped() {
        return dropped;
    }
}
