package io.streampulse.shared.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void delay_doublesPerAttempt_withinHalfToFullOfTheCeiling() {
        assertEquals(Duration.ofMillis(500), backoff.delay(0, 0.0));
        assertEquals(Duration.ofMillis(999), backoff.delay(0, 0.999));
        assertEquals(Duration.ofMillis(1000), backoff.delay(1, 0.0));
        assertEquals(Duration.ofMillis(4000), backoff.delay(3, 0.0));
        assertEquals(Duration.ofMillis(6000), backoff.delay(3, 0.5));
    }

    @Test
    void cappedAt_lowerCeiling_shrinksTheFirstWaitToo() {
        assertEquals(new ReconnectBackoff(Duration.ofMillis(200), Duration.ofMillis(200)),
                backoff.cappedAt(Duration.ofMillis(200)));
        assertEquals(new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                backoff.cappedAt(Duration.ofSeconds(5)));
    }

    @Test
    void delay_manyAttempts_isCappedAtMax() {
        assertEquals(Duration.ofSeconds(30), backoff.delay(10, 0.0));
        assertEquals(Duration.ofSeconds(60), backoff.delay(1_000, 1.0));
    }
}
