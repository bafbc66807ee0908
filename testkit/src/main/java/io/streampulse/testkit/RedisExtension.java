package io.streampulse.testkit;

/**
 * JUnit 5 extension that runs a real {@link RedisPeer} for a test class (or a single test).
 * Why: one line in a test, no redis management code in it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisExtension redis = new RedisExtension();
 * ... RedisClient.create(redis.url()) ...
 * }</pre>
 *
 * See {@link PeerExtension} for when redis starts and stops.
 */
public final class RedisExtension extends PeerExtension<RedisPeer> {

    @Override
    protected RedisPeer startPeer() {
        return RedisPeer.start();
    }

    public int port() {
        return peer().port();
    }

    public String url() {
        return peer().url();
    }
}
