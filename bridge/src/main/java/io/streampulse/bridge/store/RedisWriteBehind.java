package io.streampulse.bridge.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.streampulse.bridge.device.DeviceState;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Writes device hashes and event-stream entries to Redis behind the in-memory state, coalesced. When quiet a
 * change goes at once; otherwise changes accumulate (which devices changed, and the stream entries in order) and
 * go together in one round trip, at most one every {@link #BATCH_GAP} and never two in flight: one EVALSHA of
 * {@link WriteBatch#SCRIPT} with at most {@link #MAX_DEVICES} hashes and {@link #MAX_EVENTS} entries. Sending as
 * soon as the previous round trip ended had still meant a batch of one or two reports each at 1,000 events/s
 * (lettuce and Redis ~0.3 ms CPU per report); nothing is on the alarm path here, so Redis may lag by the gap.
 * A hash is written from the device's state in memory when its batch is sent, so it is always the latest, and
 * with only the fields changed since Redis last acknowledged it (a door report changes 3 of ~13); whole after a
 * failure, a reconnect, or when the script finds it gone (then it is queued again). Nothing ever waits for Redis.
 */
final class RedisWriteBehind {

    static final int MAX_DEVICES = 100;
    static final int MAX_EVENTS = 200;
    /** Entries waiting beyond this (Redis slow, not down) are dropped, oldest first, and counted as failed. */
    static final int MAX_QUEUED_EVENTS = 10_000;
    /** The least time between two batches' starts: Redis's copy is at most this (plus a round trip) behind. */
    static final Duration BATCH_GAP = Duration.ofMillis(20);

    private final RedisLink redis;
    private final long streamMaxLength;
    private final Function<String, Optional<DeviceState>> latest;
    /** Devices whose latest write Redis did not take (or that changed while it was down). */
    private final Set<String> unsynced = ConcurrentHashMap.newKeySet();
    /** The hash fields Redis acknowledged last, per device: the base of the next changed-fields write. */
    private final Map<String, Map<String, String>> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> pendingDevices = new LinkedHashSet<>();
    private final ArrayDeque<Map<String, String>> pendingEvents = new ArrayDeque<>();
    /** A batch is in flight or scheduled: whoever sets it sends what is pending (see {@link #startFlush}). */
    private boolean inFlight;
    private long lastSentNanos = System.nanoTime() - BATCH_GAP.toNanos();
    private volatile String sha;

    RedisWriteBehind(RedisLink redis, long streamMaxLength, Function<String, Optional<DeviceState>> latest) {
        this.redis = redis;
        this.streamMaxLength = streamMaxLength;
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
        flushAfterGap();
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
        flushAfterGap();
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

    /** Sends the next batch now if the last one started {@link #BATCH_GAP} ago or more, else then (link's thread). */
    private void flushAfterGap() {
        long wait = lastSentNanos + BATCH_GAP.toNanos() - System.nanoTime();
        if (wait <= 0) {
            flush();
        } else {
            redis.later(this::flush, Duration.ofNanos(wait));
        }
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
                lastSentNanos = System.nanoTime();
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
        List<WriteBatch.HashWrite> hashes = new ArrayList<>();
        for (String id : batch.deviceIds()) {
            latest.apply(id).ifPresent(state ->
                    hashes.add(new WriteBatch.HashWrite(id, DeviceHashCodec.encode(state), acknowledged.get(id))));
        }
        try {
            WriteBatch.Request request = WriteBatch.encode(hashes, batch.events(), streamMaxLength);
            commands.<List<Object>>evalsha(sha(commands), ScriptOutputType.MULTI, request.keys(), request.args())
                    .whenComplete((gone, error) -> {
                        if (error instanceof RedisNoScriptException) {
                            // Redis restarted and lost its script cache: EVAL sends the text and caches it again.
                            commands.<List<Object>>eval(WriteBatch.SCRIPT, ScriptOutputType.MULTI, request.keys(),
                                    request.args()).whenComplete((again, failure) -> completed(hashes, again, failure));
                        } else {
                            completed(hashes, gone, error);
                        }
                    });
        } catch (RuntimeException e) {
            // Thrown instead of failing the future: still a failed write, and the flush must go on.
            completed(hashes, List.of(), e);
        }
    }

    private void completed(List<WriteBatch.HashWrite> written, List<Object> gone, Throwable error) {
        if (error == null) {
            written.forEach(hash -> {
                acknowledged.put(hash.deviceId(), hash.fields());
                unsynced.remove(hash.deviceId());
            });
            // Someone deleted a hash behind our back: it goes again whole.
            gone.forEach(id -> {
                acknowledged.remove(id.toString());
                pendAgain(id.toString());
            });
        } else {
            redis.writeFailed(error);
            written.forEach(hash -> {
                acknowledged.remove(hash.deviceId());
                unsynced.add(hash.deviceId());
            });
        }
        flushAfterGap();
    }

    private synchronized void pendAgain(String deviceId) {
        pendingDevices.add(deviceId);
    }

    private String sha(RedisAsyncCommands<String, String> commands) {
        String digest = sha;
        if (digest == null) {
            digest = commands.digest(WriteBatch.SCRIPT);
            sha = digest;
        }
        return digest;
    }

    private record Batch(List<String> deviceIds, List<Map<String, String>> events) {
    }
}
