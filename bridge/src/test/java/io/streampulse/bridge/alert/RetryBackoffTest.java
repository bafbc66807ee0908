package io.streampulse.bridge.alert;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void delay_doublesWithEqualJitter_upToTheCap() {
        assertEquals(500, backoff.delayMillis(1, 0.0));
        assertEquals(999, backoff.delayMillis(1, 0.999));
        assertEquals(2_000, backoff.delayMillis(2, 0.0) + backoff.delayMillis(2, 0.0));
        assertEquals(4_000, backoff.delayMillis(4, 0.0));
        assertEquals(30_000, backoff.delayMillis(7, 0.0));
        assertEquals(30_000, backoff.delayMillis(10_000, 0.0));
        assertEquals(59_999, backoff.delayMillis(10_000, 0.99999));
    }
}
