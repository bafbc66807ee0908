package io.streampulse.bridge.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.streampulse.bridge.device.DeviceState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * so it is always the latest, and only with the fields that changed since the write Redis last acknowledged (a
 * door report changes 3 of ~13): the whole hash after a failure, a reconnect, or when the script finds the hash
 * gone (then it is queued again whole). Nothing ever waits for Redis.
 */
final class RedisWriteBehind {

    static final int MAX_DEVICES = 100;
    static final int MAX_EVENTS = 200;
    /** Entries waiting beyond this (Redis slow, not down) are dropped, oldest first, and counted as failed. */
    static final int MAX_QUEUED_EVENTS = 10_000;

    /**
     * KEYS: the index set, the stream, then each device's hash. ARGV: the stream's MAXLEN, the device count, then
     * per device: "1" for a whole hash (replaced, so an attribute that disappeared does not linger) or "0" for
     * changed fields only, its id, the count and the fields to set, the count and the fields to delete; then per
     * stream entry its field count and fields. Returns the ids whose hash was gone for a changed-fields write.
     */
    static final String SCRIPT = """
            local i = 3
            local gone = {}
            for d = 1, tonumber(ARGV[2]) do
              local key, whole, id = KEYS[d + 2], ARGV[i] == '1', ARGV[i + 1]
              local set = tonumber(ARGV[i + 2])
              local del = tonumber(ARGV[i + 3 + set])
              local apply = whole or redis.call('EXISTS', key) == 1
              if whole then redis.call('DEL', key) end
              if not apply then
                gone[#gone + 1] = id
              else
                if set > 0 then redis.call('HSET', key, unpack(ARGV, i + 3, i + 2 + set)) end
                if del > 0 then redis.call('HDEL', key, unpack(ARGV, i + 4 + set, i + 3 + set + del)) end
                redis.call('SADD', KEYS[1], id)
              end
              i = i + 4 + set + del
            end
            while i <= #ARGV do
              local n = tonumber(ARGV[i])
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, i + 1, i + n))
              i = i + n + 1
            end
            return gone
            """;

    private final RedisLink redis;
    private final String streamMaxLength;
    private final Function<String, Optional<DeviceState>> latest;
    /** Devices whose latest write Redis did not take (or that changed while it was down). */
    private final Set<String> unsynced = ConcurrentHashMap.newKeySet();
    /** The hash fields Redis acknowledged last, per device: the base of the next changed-fields write. */
    private final Map<String, Map<String, String>> acknowledged = new ConcurrentHashMap<>();
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

    /** Queues every device for a whole-hash write (after a (re)connect: Redis may have come back empty). */
    void rewriteAll(Collection<String> deviceIds) {
        acknowledged.clear();
        deviceIds.forEach(this::device);
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
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        for (String id : batch.deviceIds()) {
            latest.apply(id).ifPresent(state -> {
                Map<String, String> fields = DeviceHashCodec.encode(state);
                keys.add(RedisKeys.device(id));
                appendHashWrite(args, id, fields, acknowledged.get(id));
                written.put(id, fields);
            });
        }
        args.set(1, Integer.toString(written.size()));
        batch.events().forEach(fields -> {
            args.add(Integer.toString(fields.size() * 2));
            fields.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        });
        String[] keyArray = keys.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        commands.<List<Object>>evalsha(sha(commands), ScriptOutputType.MULTI, keyArray, argArray)
                .whenComplete((gone, error) -> {
                    if (error instanceof RedisNoScriptException) {
                        // Redis restarted and lost its script cache: EVAL sends the text and caches it again.
                        commands.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keyArray, argArray)
                                .whenComplete((again, failure) -> completed(written, again, failure));
                    } else {
                        completed(written, gone, error);
                    }
                });
    }

    /** The whole hash without a base; otherwise the fields that differ from it and those no longer there. */
    private static void appendHashWrite(List<String> args, String id, Map<String, String> fields,
                                        Map<String, String> base) {
        args.add(base == null ? "1" : "0");
        args.add(id);
        int setCount = args.size();
        args.add("0");
        fields.forEach((field, value) -> {
            if (base == null || !value.equals(base.get(field))) {
                args.add(field);
                args.add(value);
            }
        });
        args.set(setCount, Integer.toString(args.size() - setCount - 1));
        int deleteCount = args.size();
        args.add("0");
        if (base != null) {
            base.keySet().stream().filter(field -> !fields.containsKey(field)).forEach(args::add);
        }
        args.set(deleteCount, Integer.toString(args.size() - deleteCount - 1));
    }

    private void completed(Map<String, Map<String, String>> written, List<Object> gone, Throwable error) {
        if (error == null) {
            written.forEach((id, fields) -> {
                acknowledged.put(id, fields);
                unsynced.remove(id);
            });
            // Someone deleted a hash behind our back: it goes again whole.
            gone.forEach(id -> {
                acknowledged.remove(id.toString());
                pendAgain(id.toString());
            });
        } else {
            redis.writeFailed(error);
            written.keySet().forEach(id -> {
                acknowledged.remove(id);
                unsynced.add(id);
            });
        }
        flush();
    }

    private synchronized void pendAgain(String deviceId) {
        pendingDevices.add(deviceId);
    }

    private String sha(RedisAsyncCommands<String, String> commands) {
        String digest = sha;
        if (digest == null) {
            digest = commands.digest(SCRIPT);
            sha = digest;
        }
        return digest;
    }

    private record Batch(List<String> deviceIds, List<Map<String, String>> events) {
    }
}
