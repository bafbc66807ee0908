package io.streampulse.shared.feed;

import java.time.Duration;

/**
 * Exponential backoff with jitter (pure): attempt n waits between half and all of {@code initial * 2^n}, capped at
 * {@code max}. The random half keeps many publishers (or many restarts) from hammering a broker in step.
 */
public record ReconnectBackoff(Duration initial, Duration max) {

    public static final ReconnectBackoff BROKER = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    /**
     * A peer's event stream: at most a second between tries, so a follower is back within a second of its peer
     * coming up. At suite start every peer comes up within seconds of its followers, and the streamer's /health
     * waits for the bridge's stream: a 10 s cap left it up to 4 s behind the bridge (bench/startup). A try is one
     * refused connect while the peer is down, and only the first failure is logged.
     */
    public static final ReconnectBackoff EVENT_FEED = new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(1));

    /** The same policy with a lower ceiling (the first wait shrinks with it if needed). */
    public ReconnectBackoff cappedAt(Duration ceiling) {
        return new ReconnectBackoff(initial.compareTo(ceiling) < 0 ? initial : ceiling, ceiling);
    }

    /**
     * @param attempt failed attempts so far (0 for the first retry)
     * @param random  a value in [0, 1)
     */
    public Duration delay(int attempt, double random) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt, 0), 20);
        ceiling = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(ceiling / 2 + (long) (random * (ceiling - ceiling / 2)));
    }
}
