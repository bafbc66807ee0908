package io.streampulse.bridge.yolink.mqtt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectLimiterTest {

    @Test
    void waitMillis_tenAttemptsInFiveMinutes_eleventhWaitsForTheOldestToLeaveTheWindow() {
        ConnectLimiter limiter = ConnectLimiter.yolink();
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.waitMillis(i * 1000L));
            limiter.record(i * 1000L);
        }

        assertEquals(300_000 - 10_000, limiter.waitMillis(10_000));
        assertEquals(0, limiter.waitMillis(300_000), "the first attempt has left the window");
    }

    @Test
    void waitMillis_spreadOut_neverWaits() {
        ConnectLimiter limiter = new ConnectLimiter(2, 1000);
        for (long t = 0; t < 10_000; t += 600) {
            assertEquals(0, limiter.waitMillis(t));
            limiter.record(t);
        }
    }
}
