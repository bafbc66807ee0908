package io.streampulse.bridge.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.streampulse.bridge.device.DeviceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Device state: the in-memory map is what the engine and the API read; Redis (one hash per device, the index
 * set, the capped event stream) is written behind it by {@link RedisWriteBehind} (coalesced, one round trip per
 * batch), and never waited for. A write Redis did not take marks the device dirty (counted on /health); every
 * (re)connect rewrites all devices, so a Redis that restarted empty is filled again.
 */
public final class DeviceStore {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStore.class);
    static final Duration RESYNC_RETRY = Duration.ofSeconds(1);

    private final RedisLink redis;
    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();
    private final RedisWriteBehind writes;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean everLoaded;

    public DeviceStore(RedisLink redis, long streamMaxLength) {
        this.redis = redis;
        this.writes = new RedisWriteBehind(redis, streamMaxLength, this::get);
        redis.onConnected(this::connected);
    }

    public Optional<DeviceState> get(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public Collection<DeviceState> all() {
        return List.copyOf(devices.values());
    }

    /** Waits (at most {@code timeout}) for the first load from Redis; false if Redis did not answer in time. */
    public boolean awaitLoaded(Duration timeout) {
        try {
            return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Replaces the device's state in memory now and in Redis in the background. */
    public void put(DeviceState state) {
        devices.put(state.deviceId(), state);
        writes.device(state.deviceId());
    }

    /** Appends to the capped event stream (in order, with the next write); dropped while Redis is down. */
    public void appendEvent(Map<String, String> fields) {
        writes.event(fields);
    }

    /**
     * The device's newest {@code limit} entries of the event stream, newest first, each with its stream id as
     * {@code stream_id}. Only the newest {@code window} entries of the shared stream are searched, so a quiet
     * device among busy ones may show fewer (bounded work per request). Fails while Redis is down.
     */
    public CompletableFuture<List<Map<String, String>>> recentEvents(String deviceId, int limit, int window) {
        Optional<RedisAsyncCommands<String, String>> commands = redis.commands();
        if (commands.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis " + redis.url() + " is down"));
        }
        return commands.get().xrevrange(RedisKeys.EVENTS, Range.unbounded(), Limit.from(window)).toCompletableFuture()
                .thenApply(messages -> messages.stream()
                        .filter(m -> deviceId.equals(m.getBody().get("device_id")))
                        .limit(limit)
                        .map(m -> {
                            Map<String, String> event = new LinkedHashMap<>();
                            event.put("stream_id", m.getId());
                            event.putAll(m.getBody());
                            return event;
                        }).toList());
    }

    /** Devices whose latest state Redis does not have (a failed write, or changed while it was down). */
    public int dirtyCount() {
        return writes.unsyncedCount();
    }

    private void connected() {
        if (!everLoaded) {
            load();
        }
        everLoaded = true;
        loaded.countDown();
        // Everything, not only the dirty ones: a Redis without persistence comes back empty.
        writes.rewriteAll(devices.keySet());
        if (!redis.up()) {
            redis.later(this::connected, RESYNC_RETRY);
        }
    }

    /** Reads every indexed device (SMEMBERS, then HGETALL each, pipelined); state already in memory wins. */
    private void load() {
        RedisAsyncCommands<String, String> commands = redis.commands().orElseThrow(
                () -> new IllegalStateException("Redis went away before the first load"));
        try {
            Set<String> ids = commands.smembers(RedisKeys.DEVICES).get(10, TimeUnit.SECONDS);
            Map<String, RedisFuture<Map<String, String>>> reads = new java.util.LinkedHashMap<>();
            ids.forEach(id -> reads.put(id, commands.hgetall(RedisKeys.device(id))));
            int count = 0;
            for (var read : reads.entrySet()) {
                Map<String, String> fields = read.getValue().get(10, TimeUnit.SECONDS);
                try {
                    DeviceState state = DeviceHashCodec.decode(fields);
                    if (devices.putIfAbsent(state.deviceId(), state) == null) {
                        count++;
                    }
                } catch (IllegalArgumentException e) {
                    LOG.warn("Redis key {} skipped: {}", RedisKeys.device(read.getKey()), e.getMessage());
                }
            }
            LOG.info("Loaded {} devices from Redis {}", count, redis.url());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Loading devices from Redis {} failed: {}; retrying", redis.url(), e.toString());
            redis.later(this::connected, RESYNC_RETRY);
            throw new IllegalStateException("load failed", e);
        }
    }
}
