package io.streampulse.bridge.yolink.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * YoLink lets a UAC open at most 10 MQTT connections in 5 minutes (doc.yosmart.com, Open API V2); past that the
 * broker refuses and a reconnect storm locks us out. This sliding window says how long to wait before the next
 * attempt may go (pure: times are passed in).
 */
public final class ConnectLimiter {

    public static final int YOLINK_MAX = 10;
    public static final long YOLINK_WINDOW_MILLIS = 5 * 60_000L;

    private final int max;
    private final long windowMillis;
    private final Deque<Long> attempts = new ArrayDeque<>();

    public ConnectLimiter(int max, long windowMillis) {
        this.max = max;
        this.windowMillis = windowMillis;
    }

    public static ConnectLimiter yolink() {
        return new ConnectLimiter(YOLINK_MAX, YOLINK_WINDOW_MILLIS);
    }

    /** How long from {@code now} until an attempt stays within the limit (0: go). */
    public synchronized long waitMillis(long now) {
        while (!attempts.isEmpty() && attempts.peekFirst() <= now - windowMillis) {
            attempts.removeFirst();
        }
        return attempts.size() < max ? 0 : attempts.peekFirst() + windowMillis - now;
    }

    /** An attempt will start at {@code at}. */
    public synchronized void record(long at) {
        attempts.addLast(at);
    }
}
