package io.streampulse.shared.config;

/** The Redis the bridge keeps device state in (the container's own redis-server by default). */
public record RedisSection(String url) {

    static RedisSection read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("url"));
        String url = r.string("url", "redis://127.0.0.1:6379").strip();
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            r.reject("url", "'redis.url' must start with redis:// or rediss:// (got '" + url + "')");
            url = "redis://127.0.0.1:6379";
        }
        return new RedisSection(url);
    }
}
