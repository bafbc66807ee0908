package io.streampulse.bridge.chekt;

import java.time.Duration;

/**
 * How often and how soon a CHEKT request is tried again within one delivery (pure). Bounded, because the alert
 * engine's outbox keeps an unacknowledged event and hands it over again later; this only rides out a bridge that
 * is restarting or briefly overloaded.
 *
 * @param attempts   tries per delivery, the first included
 * @param firstDelay the wait before the second try; it doubles for each further try
 */
public record ChektRetry(int attempts, Duration firstDelay) {

    public static final ChektRetry DEFAULT = new ChektRetry(3, Duration.ofMillis(500));

    public ChektRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 (got " + attempts + ")");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 1, 10));
    }
}
