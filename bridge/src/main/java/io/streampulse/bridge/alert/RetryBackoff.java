package io.streampulse.bridge.alert;

import java.time.Duration;

/**
 * Wait before the next delivery attempt (pure): doubling from {@code initial} up to {@code max}, with "equal
 * jitter" (half fixed, half random) so receivers coming back are not hit by every bridge at the same instant.
 */
public record RetryBackoff(Duration initial, Duration max) {

    /**
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param random         a value in [0, 1)
     */
    public long delayMillis(int failedAttempts, double random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long full = Math.min(max.toMillis(), initial.toMillis() << doublings);
        return full / 2 + (long) (random * (full - full / 2));
    }
}
