package io.streampulse.bridge.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.streampulse.bridge.device.DeviceState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Writes device hashes and event-stream entries to Redis behind the in-memory state, coalesced. While no write
 * is in flight a change goes at once (no added latency when quiet); while one is, changes accumulate (which
 * devices changed, and the stream entries in order) and go together in one round trip when it completes: one
 * EVALSHA of {@link #SCRIPT} with at most {@link #MAX_DEVICES} hashes and {@link #MAX_EVENTS} entries. One round
 * trip instead of three or four per report is the point: less CPU on lettuce's event loop, in Redis and in
 * syscalls on a saturated machine. A device's hash is written from its state in memory when the batch is sent,
 * so it is always the latest. Nothing ever waits for Redis.
 */
final class RedisWriteBehind {

    static final int MAX_DEVICES = 100;
    static final int MAX_EVENTS = 200;
    /** Entries waiting beyond this (Redis slow, not down) are dropped, oldest first, and counted as failed. */
    static final int MAX_QUEUED_EVENTS = 10_000;

    /**
     * KEYS: the index set, the stream, then each device's hash. ARGV: the stream's MAXLEN, the device count, then
     * per device its field count and fields (device_id first, as the codec writes it), then per stream entry its
     * field count and fields. Each hash is replaced whole, so an attribute that disappeared does not linger.
     */
    static final String SCRIPT = """
            local i = 3
            for d = 1, tonumber(ARGV[2]) do
              local n = tonumber(ARGV[i])
              redis.call('DEL', KEYS[d + 2])
              redis.call('HSET', KEYS[d + 2], unpack(ARGV, i + 1, i + n))
              redis.call('SADD', KEYS[1], ARGV[i + 2])
              i = i + n + 1
            end
            while i <= #ARGV do
              local n = tonumber(ARGV[i])
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, i + 1, i + n))
              i = i + n + 1
            end
            return 1
            """;

    private final RedisLink redis;
    private final String streamMaxLength;
    private final Function<String, Optional<DeviceState>> latest;
    /** Devices whose latest write Redis did not take (or that changed while it was down). */
    private final Set<String> unsynced = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingDevices = new LinkedHashSet<>();
    private final ArrayDeque<Map<String, String>> pendingEvents = new ArrayDeque<>();
    private boolean inFlight;
    private volatile String sha;

    RedisWriteBehind(RedisLink redis, long streamMaxLength, Function<String, Optional<DeviceState>> latest) {
        this.redis = redis;
        this.streamMaxLength = Long.toString(streamMaxLength);
        this.latest = latest;
    }

    /** Queues a write of the device's state as it will be in memory when sent; unsynced at once if Redis is down. */
    void device(String deviceId) {
        if (!redis.up()) {
            unsynced.add(deviceId);
            return;
        }
        synchronized (this) {
            pendingDevices.add(deviceId);
            if (!startFlush()) {
                return;
            }
        }
        flush();
    }

    /** Queues a stream entry; dropped while Redis is down (the stream is a recent history, not a log). */
    void event(Map<String, String> fields) {
        if (!redis.up()) {
            return;
        }
        synchronized (this) {
            if (pendingEvents.size() >= MAX_QUEUED_EVENTS) {
                pendingEvents.pollFirst();
                redis.writeFailed(new IllegalStateException("more than " + MAX_QUEUED_EVENTS
                        + " stream entries waiting for Redis; the oldest dropped"));
            }
            pendingEvents.addLast(fields);
            if (!startFlush()) {
                return;
            }
        }
        flush();
    }

    int unsyncedCount() {
        return unsynced.size();
    }

    /** True if the caller is now the one to flush; false if a flush in flight will pick the change up. */
    private boolean startFlush() {
        if (inFlight) {
            return false;
        }
        inFlight = true;
        return true;
    }

    /** Sends the next batch, or ends the flush if nothing waits; runs outside the lock. */
    private void flush() {
        while (true) {
            Batch batch;
            synchronized (this) {
                batch = take();
                if (batch == null) {
                    inFlight = false;
                    return;
                }
            }
            Optional<RedisAsyncCommands<String, String>> commands = redis.commands();
            if (commands.isPresent()) {
                send(commands.get(), batch);
                return;
            }
            // Redis went down: nothing waits for it; every reconnect rewrites every device.
            unsynced.addAll(batch.deviceIds());
        }
    }

    private Batch take() {
        if (pendingDevices.isEmpty() && pendingEvents.isEmpty()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        Iterator<String> waiting = pendingDevices.iterator();
        while (waiting.hasNext() && ids.size() < MAX_DEVICES) {
            ids.add(waiting.next());
            waiting.remove();
        }
        List<Map<String, String>> events = new ArrayList<>();
        while (!pendingEvents.isEmpty() && events.size() < MAX_EVENTS) {
            events.add(pendingEvents.pollFirst());
        }
        return new Batch(ids, events);
    }

    private void send(RedisAsyncCommands<String, String> commands, Batch batch) {
        List<String> keys = new ArrayList<>();
        keys.add(RedisKeys.DEVICES);
        keys.add(RedisKeys.EVENTS);
        List<String> args = new ArrayList<>();
        args.add(streamMaxLength);
        args.add("0");
        List<String> written = new ArrayList<>();
        for (String id : batch.deviceIds()) {
            latest.apply(id).ifPresent(state -> {
                keys.add(RedisKeys.device(id));
                appendFields(args, DeviceHashCodec.encode(state));
                written.add(id);
            });
        }
        args.set(1, Integer.toString(written.size()));
        batch.events().forEach(fields -> appendFields(args, fields));
        String[] keyArray = keys.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        commands.<Long>evalsha(sha(commands), ScriptOutputType.INTEGER, keyArray, argArray)
                .whenComplete((ok, error) -> {
                    if (error instanceof RedisNoScriptException) {
                        // Redis restarted and lost its script cache: EVAL sends the text and caches it again.
                        commands.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keyArray, argArray)
                                .whenComplete((again, failure) -> completed(written, failure));
                    } else {
                        completed(written, error);
                    }
                });
    }

    private void completed(List<String> written, Throwable error) {
        if (error == null) {
            written.forEach(unsynced::remove);
        } else {
            redis.writeFailed(error);
            unsynced.addAll(written);
        }
        flush();
    }

    private String sha(RedisAsyncCommands<String, String> commands) {
        String digest = sha;
        if (digest == null) {
            digest = commands.digest(SCRIPT);
            sha = digest;
        }
        return digest;
    }

    private static void appendFields(List<String> args, Map<String, String> fields) {
        args.add(Integer.toString(fields.size() * 2));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
    }

    private record Batch(List<String> deviceIds, List<Map<String, String>> events) {
    }
}
