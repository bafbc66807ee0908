package io.streampulse.shared.config;

import java.util.Map;

/**
 * The Redis the bridge keeps device state in: by default the suite's own redis-server, on the port
 * STREAMPULSE_REDIS_PORT names (6379 when unset), which supervisord starts it on; {@code redis.url} overrides.
 */
public record RedisSection(String url) {

    public static final String PORT_ENV = "STREAMPULSE_REDIS_PORT";

    static RedisSection read(NodeReader r, Map<String, String> env) {
        r.warnUnknown(NodeReader.keys("url"));
        String fallback = "redis://127.0.0.1:" + env.getOrDefault(PORT_ENV, "6379").strip();
        String url = r.string("url", fallback).strip();
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            r.reject("url", "'redis.url' must start with redis:// or rediss:// (got '" + url + "')");
            url = fallback;
        }
        return new RedisSection(url);
    }
}
