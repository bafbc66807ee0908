package io.streampulse.webgui.login;

import io.streampulse.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 100);

    @Test
    void fourFailures_areFree_theFifthLocks30s_andEachFurtherDoubles() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1");
            assertTrue(throttle.wait("ann", "10.0.0.1").isEmpty(), "after " + (i + 1));
        }
        throttle.failed("ann", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.wait("ann", "10.0.0.1"));

        clock.advance(Duration.ofSeconds(31));
        assertTrue(throttle.wait("ann", "10.0.0.1").isEmpty(), "the lock ran out");
        throttle.failed("ann", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.wait("ann", "10.0.0.1"));
        assertEquals("Too many attempts; try again in 60 s.", LoginThrottle.message(Duration.ofSeconds(60)));
        assertEquals("Too many attempts; try again in 1 s.", LoginThrottle.message(Duration.ofMillis(200)));
    }

    @Test
    void theLock_neverExceeds15Minutes() {
        assertEquals(Duration.ZERO, LoginThrottle.lock(4));
        assertEquals(Duration.ofSeconds(120), LoginThrottle.lock(7));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lock(12));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lock(1_000));
    }

    @Test
    void theUserIsLockedFromEveryAddress_andTheAddressForEveryUser() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ann", "10.0.0." + i);
        }
        assertTrue(throttle.wait("ann", "192.168.1.9").isPresent(), "the user, from a fresh address");
        assertTrue(throttle.wait("ANN", "192.168.1.9").isPresent(), "in any letter case");
        assertTrue(throttle.wait("bob", "10.0.0.1").isEmpty(), "one failure per address so far");

        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertTrue(throttle.wait("bob", "10.9.9.9").isPresent(), "the address, for another user");
    }

    @Test
    void failuresOlderThanTheWindow_startTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("ann", "10.0.0.1");
        assertTrue(throttle.wait("ann", "10.0.0.1").isEmpty());
    }

    @Test
    void aSignIn_forgetsTheUsersFailures_notTheAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        throttle.succeeded("ann");
        throttle.failed("ann", "10.0.0.2");
        assertTrue(throttle.wait("ann", "10.0.0.2").isEmpty(), "the user's count started again");
        throttle.failed("bob", "10.0.0.1");
        assertTrue(throttle.wait("carl", "10.0.0.1").isPresent(), "the address kept its five");
    }

    @Test
    void memoryIsBounded_theLeastRecentlyFailedKeysGiveWay() {
        for (int i = 0; i < 500; i++) {
            throttle.failed("made-up-" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertEquals(100, throttle.size());
    }
}
