package io.streampulse.bridge.sia;

/**
 * The message sequence of one receiver link: 0001 to 9999, then 0001 again. A retransmission reuses its
 * message's number (the caller keeps it); only a new message calls {@link #next()}. Thread-safe.
 */
public final class SiaSequence {

    public static final int FIRST = 1;
    public static final int LAST = 9999;

    private int last;

    public SiaSequence() {
        this(LAST);
    }

    /** Starts so that the first {@link #next()} returns the number after {@code last}. */
    public SiaSequence(int last) {
        if (last < FIRST || last > LAST) {
            throw new IllegalArgumentException("sequence " + last + " is outside 0001-9999");
        }
        this.last = last;
    }

    public synchronized int next() {
        last = last == LAST ? FIRST : last + 1;
        return last;
    }
}
