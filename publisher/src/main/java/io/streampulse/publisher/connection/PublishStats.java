package io.streampulse.publisher.connection;

import java.util.concurrent.atomic.AtomicLong;

/** Counts for /health and /metrics, updated from hivemq's completion callbacks. */
public final class PublishStats {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastPublishMillis = new AtomicLong();

    void published(long nowMillis) {
        published.incrementAndGet();
        lastPublishMillis.set(nowMillis);
    }

    void failed() {
        errors.incrementAndGet();
    }

    public long published() {
        return published.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Epoch milliseconds of the last publish the broker accepted; 0 before the first. */
    public long lastPublishMillis() {
        return lastPublishMillis.get();
    }
}
