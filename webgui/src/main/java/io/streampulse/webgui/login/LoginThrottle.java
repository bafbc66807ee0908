package io.streampulse.webgui.login;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password and TOTP guessing, per username and per client address at once: five failures within 15
 * minutes lock that key for 30 s, and every further failure doubles the lock, up to 15 minutes. A full sign-in
 * clears the user's count (not the address's). In memory and bounded: the least recently failed keys give way
 * once {@code maxKeys} are tracked, so a flood of made-up usernames cannot grow the heap.
 */
@Singleton
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures;

    public LoginThrottle() {
        this(Clock.systemUTC(), MAX_KEYS);
    }

    LoginThrottle(Clock clock, int maxKeys) {
        this.clock = clock;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long this user or this address must still wait; empty when they may try now. */
    public synchronized Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, f.lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Failures previous = failures.get(key);
            int count = previous == null || previous.last().plus(WINDOW).isBefore(now) ? 1 : previous.count() + 1;
            failures.put(key, new Failures(count, now, now.plus(lock(count))));
        }
    }

    /** Signed in: this user's failures are forgotten. */
    public synchronized void succeeded(String username) {
        failures.remove(userKey(username));
    }

    synchronized int size() {
        return failures.size();
    }

    /** The message for the person waiting, in whole seconds rounded up. */
    public static String message(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "Too many attempts; try again in " + seconds + " s.";
    }

    static Duration lock(int failureCount) {
        if (failureCount < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failureCount - FREE_FAILURES, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static String[] keys(String username, String address) {
        return new String[] {userKey(username), "address:" + address};
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }
}
