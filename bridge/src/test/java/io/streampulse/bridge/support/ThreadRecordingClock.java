package io.streampulse.bridge.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The system clock, noting which threads read it: a receiver reads its clock while it handles an answer, so this
 * shows on which thread the exchange ran (the caller's, or a hand-off to another one).
 */
public final class ThreadRecordingClock extends Clock {

    private final Set<String> readers = ConcurrentHashMap.newKeySet();

    /** Names of the threads that read the clock since the last call. */
    public Set<String> drainReaders() {
        Set<String> copy = Set.copyOf(readers);
        readers.removeAll(copy);
        return copy;
    }

    @Override
    public long millis() {
        readers.add(Thread.currentThread().getName());
        return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return Clock.systemUTC().getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
