import java.util.concurrent.atomic.AtomicInteger;

/**
 * System.nanoTime() moments by report time (a report's unique atMillis), kept in plain long arrays: the bench runs
 * in the bridge's JVM, and boxed map entries (~200 bytes a report per receiver) were megabytes of old generation by
 * the end of a run, i.e. full GCs counted as the bridge's. Each report's moment is written by one thread (its lane,
 * or the engine's), and read after the run, once {@link #size} says it is there.
 */
final class ReportMoments {

    private static final int CHUNK = 1 << 16;

    private final long origin;
    private final AtomicInteger size = new AtomicInteger();
    private volatile long[][] chunks = new long[0][];

    /** @param origin below every report time this will hold */
    ReportMoments(long origin) {
        this.origin = origin;
    }

    /** Records {@code nanos} for {@code at}; a second moment for the same report replaces the first. */
    void put(long at, long nanos) {
        long[] chunk = chunk(at);
        int slot = (int) ((at - origin) % CHUNK);
        boolean fresh = chunk[slot] == 0;
        chunk[slot] = nanos;
        if (fresh) {
            size.incrementAndGet(); // publishes the write to whoever reads size() next
        }
    }

    /** Records {@code nanos} unless {@code at} has a moment already. */
    void putIfAbsent(long at, long nanos) {
        if (!has(at)) {
            put(at, nanos);
        }
    }

    boolean has(long at) {
        return get(at) != 0;
    }

    /** The moment of {@code at}, 0 when none (System.nanoTime() is CLOCK_MONOTONIC since boot here: never 0). */
    long get(long at) {
        long[][] current = chunks;
        int index = (int) ((at - origin) / CHUNK);
        return index < current.length ? current[index][(int) ((at - origin) % CHUNK)] : 0;
    }

    int size() {
        return size.get();
    }

    private long[] chunk(long at) {
        if (at <= origin) {
            throw new IllegalArgumentException("report time " + at + " is not after " + origin);
        }
        int index = (int) ((at - origin) / CHUNK);
        long[][] current = chunks;
        if (index < current.length) {
            return current[index];
        }
        synchronized (this) {
            current = chunks;
            if (index >= current.length) {
                long[][] grown = java.util.Arrays.copyOf(current, index + 1);
                for (int i = current.length; i < grown.length; i++) {
                    grown[i] = new long[CHUNK];
                }
                chunks = grown;
                current = grown;
            }
            return current[index];
        }
    }
}
