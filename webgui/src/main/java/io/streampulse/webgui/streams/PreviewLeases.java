package io.streampulse.webgui.streams;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cap on live previews open at once ({@code web.max_previews}). Each open stream page holds a lease, named by
 * a random token the page got, renewed by every snapshot it fetches; a page that stops fetching (closed, hidden)
 * frees its place once the lease runs out. A new page over the cap is refused until one frees.
 */
@Singleton
public class PreviewLeases {

    /** Pages refresh every 5 s; three missed refreshes end the lease. */
    static final Duration LEASE = Duration.ofSeconds(15);

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    public PreviewLeases() {
        this(Clock.systemUTC());
    }

    PreviewLeases(Clock clock) {
        this.clock = clock;
    }

    /** Takes or renews the lease of {@code token}; false when {@code max} other previews hold one. */
    public synchronized boolean acquire(String token, int max) {
        long now = clock.millis();
        for (Iterator<Long> it = expiries.values().iterator(); it.hasNext(); ) {
            if (it.next() <= now) {
                it.remove();
            }
        }
        if (!expiries.containsKey(token) && expiries.size() >= max) {
            return false;
        }
        expiries.put(token, now + LEASE.toMillis());
        return true;
    }

    /** A page closing says so, so its place frees at once. */
    public void release(String token) {
        expiries.remove(token);
    }

    public int open() {
        return expiries.size();
    }
}
