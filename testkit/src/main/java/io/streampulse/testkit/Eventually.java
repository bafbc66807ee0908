package io.streampulse.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping.
 * Why: a fixed {@code Thread.sleep} is either too short on a loaded CI machine (flaky) or too long everywhere
 * (slow); polling every 20 ms returns as soon as the condition holds and, on timeout, says what was awaited
 * and what was last seen.
 */
public final class Eventually {

    static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /**
     * Polls {@code probe} until {@code done} accepts its value and returns that value. An exception from the
     * probe (or the predicate) counts as "not yet"; the last one is reported (and attached as cause) on timeout.
     *
     * @throws AssertionError "timed out after Xms waiting for &lt;what&gt;; last value: ...; last error: ..."
     */
    public static <T> T await(Duration timeout, String what, Supplier<T> probe, Predicate<T> done) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        T lastValue = null;
        boolean sawValue = false;
        Throwable lastError = null;
        while (true) {
            try {
                T value = probe.get();
                lastValue = value;
                sawValue = true;
                if (done.test(value)) {
                    return value;
                }
            } catch (RuntimeException | AssertionError e) {
                lastError = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        String message = "timed out after " + timeout.toMillis() + "ms waiting for " + what
                + "; last value: " + (sawValue ? String.valueOf(lastValue) : "(none)")
                + "; last error: " + (lastError == null ? "(none)" : lastError.toString());
        AssertionError failure = new AssertionError(message);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    /** Polls {@code condition} until it is true; same failure message as the general form. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        await(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }
}
