package io.streampulse.monitor.state;

/**
 * A stream's state as users see it. PENDING: the last check failed but fewer than {@code retries} times in a row.
 * For availability, UP counts as available, DOWN and PENDING as unavailable, and DEGRADED as unavailable unless
 * {@code monitor.degraded_counts_as_up} is set.
 */
public enum StreamState {
    UP, DEGRADED, DOWN, PENDING;

    public boolean available(boolean degradedCountsAsUp) {
        return this == UP || (degradedCountsAsUp && this == DEGRADED);
    }
}
