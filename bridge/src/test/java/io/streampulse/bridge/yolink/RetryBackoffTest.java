package io.streampulse.bridge.yolink;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryBackoffTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(2));

    @ParameterizedTest(name = "retry {0}, random {1}: {2} ms")
    @CsvSource({"0, 0.0, 1000", "0, 0.999, 1999", "1, 0.0, 2000", "3, 0.5, 12000", "6, 0.0, 60000",
            "7, 0.0, 60000", "40, 0.999, 119940", "-1, 0.0, 1000"})
    void delay_doublesWithJitterUpToTheCap(int retry, double random, long millis) {
        assertEquals(Duration.ofMillis(millis), BACKOFF.delay(retry, random));
    }
}
