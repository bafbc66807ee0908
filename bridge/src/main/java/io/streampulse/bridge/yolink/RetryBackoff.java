package io.streampulse.bridge.yolink;

import java.time.Duration;

/**
 * Exponential backoff with full jitter between half and all of the step (pure): retry n waits
 * {@code first * 2^n}, capped, times a random factor in [0.5, 1). Many bridges restarting together do not knock on
 * YoLink's door in step.
 */
public record RetryBackoff(Duration first, Duration max) {

    public Duration delay(int retry, double random) {
        long step = first.toMillis() << Math.min(Math.max(retry, 0), 24);
        long capped = Math.min(step, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }
}
