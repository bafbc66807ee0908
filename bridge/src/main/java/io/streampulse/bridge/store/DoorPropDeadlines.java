package io.streampulse.bridge.store;

import io.lettuce.core.ScoredValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Door-prop deadlines in the sorted set {@link RedisKeys#DOOR_PROP} (device id scored by the deadline in epoch
 * ms), so a restart fires them at the right time. The armed set is kept in memory too and written again on
 * every reconnect; the set read at the first connect goes to {@code onLoaded}.
 */
public final class DoorPropDeadlines {

    private final RedisLink redis;
    private final Map<String, Long> armed = new ConcurrentHashMap<>();
    private volatile Consumer<Map<String, Long>> onLoaded = m -> { };
    private volatile boolean loaded;

    public DoorPropDeadlines(RedisLink redis) {
        this.redis = redis;
        redis.onConnected(this::connected);
    }

    /** Where the deadlines found in Redis at start go (called once, on the Redis thread). */
    public void onLoaded(Consumer<Map<String, Long>> consumer) {
        this.onLoaded = consumer;
    }

    public void put(String deviceId, long deadlineMillis) {
        armed.put(deviceId, deadlineMillis);
        redis.commands().ifPresent(c -> c.zadd(RedisKeys.DOOR_PROP, deadlineMillis, deviceId)
                .whenComplete((ok, e) -> failed(e)));
    }

    /** Nothing is sent for a device with no deadline armed (every door closing calls this). */
    public void remove(String deviceId) {
        if (armed.remove(deviceId) == null) {
            return;
        }
        redis.commands().ifPresent(c -> c.zrem(RedisKeys.DOOR_PROP, deviceId).whenComplete((ok, e) -> failed(e)));
    }

    private void failed(Throwable error) {
        if (error != null) {
            redis.writeFailed(error);
        }
    }

    private void connected() {
        var commands = redis.commands().orElseThrow(() -> new IllegalStateException("Redis went away"));
        Map<String, Long> found = loaded ? Map.of() : load(commands);
        // Rewritten before anything is scheduled: a deadline firing at once removes its entry after this.
        armed.forEach((id, deadline) -> commands.zadd(RedisKeys.DOOR_PROP, deadline, id));
        if (!found.isEmpty()) {
            onLoaded.accept(found);
        }
    }

    private Map<String, Long> load(io.lettuce.core.api.async.RedisAsyncCommands<String, String> commands) {
        try {
            List<ScoredValue<String>> stored = commands.zrangeWithScores(RedisKeys.DOOR_PROP, 0, -1)
                    .get(10, TimeUnit.SECONDS);
            Map<String, Long> deadlines = new LinkedHashMap<>();
            stored.forEach(v -> deadlines.put(v.getValue(), (long) v.getScore()));
            loaded = true;
            deadlines.forEach(armed::putIfAbsent);
            return deadlines;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            redis.later(this::connected, DeviceStore.RESYNC_RETRY);
            throw new IllegalStateException("loading door-prop deadlines failed: " + e, e);
        }
    }
}
