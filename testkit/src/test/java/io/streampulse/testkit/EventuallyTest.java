package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger counter = new AtomicInteger();
        int value = Eventually.await(Duration.ofSeconds(5), "counter to reach 3", counter::incrementAndGet, v -> v >= 3);
        assertEquals(3, value);
        assertEquals(3, counter.get(), "stops polling once the condition holds");
    }

    @Test
    void returnsWithoutWaitingWhenTheConditionAlreadyHolds() {
        long start = System.nanoTime();
        Eventually.await(Duration.ofSeconds(10), "an immediate truth", () -> true);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000);
    }

    @Test
    void timeoutNamesTheConditionAndTheLastValue() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Eventually.await(Duration.ofMillis(100), "the moon to turn blue", () -> "grey", "blue"::equals));
        assertEquals("timed out after 100ms waiting for the moon to turn blue; last value: grey; last error: (none)",
                failure.getMessage());
    }

    @Test
    void probeExceptionsCountAsNotYet() {
        AtomicInteger calls = new AtomicInteger();
        String value = Eventually.await(Duration.ofSeconds(5), "a flaky probe to answer", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not ready #" + calls.get());
            }
            return "ready";
        }, "ready"::equals);
        assertEquals("ready", value);
        assertEquals(3, calls.get());
    }

    @Test
    void timeoutReportsTheLastProbeError() {
        IllegalStateException cause = new IllegalStateException("connection refused");
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Eventually.await(Duration.ofMillis(60), "the service", () -> {
                    throw cause;
                }, v -> true));
        assertTrue(failure.getMessage().startsWith("timed out after 60ms waiting for the service; last value: (none); "
                + "last error: java.lang.IllegalStateException: connection refused"), failure.getMessage());
        assertSame(cause, failure.getCause());
    }

    @Test
    void booleanFormTimesOutWithTheConditionName() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Eventually.await(Duration.ofMillis(50), "hell to freeze over", () -> false));
        assertTrue(failure.getMessage().contains("waiting for hell to freeze over; last value: false"), failure.getMessage());
    }
}
