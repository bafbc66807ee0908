import java.util.concurrent.locks.LockSupport;

/**
 * The bench's door reports at a steady rate, in whichever JVM sends them (the fakes' YoLink cloud publisher, or the
 * bench itself with INJECT=engine): report i flips door i % doors and carries the time firstAt + i (unique per
 * report, the key every latency is looked up by).
 */
final class PacedReports {

    /** Where one report goes. */
    interface Sink {
        void send(int door, boolean open, long atMillis);
    }

    private final boolean[] open;

    PacedReports(int doors) {
        open = new boolean[doors];
    }

    /** Sends the reports; returns System.nanoTime() just before each send (the moment latency counts from). */
    long[] run(int rate, int count, long firstAt, Sink sink) {
        long[] sentNanos = new long[count];
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            sentNanos[i] = System.nanoTime();
            one(i % open.length, firstAt + i, sink);
        }
        return sentNanos;
    }

    /** One report flipping {@code door}. */
    void one(int door, long atMillis, Sink sink) {
        open[door] = !open[door];
        sink.send(door, open[door], atMillis);
    }
}
