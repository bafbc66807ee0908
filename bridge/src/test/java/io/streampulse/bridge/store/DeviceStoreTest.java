package io.streampulse.bridge.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.support.Devices;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's write-behind against a real Redis: coalesced batches, in-flight changes, restarts, NOSCRIPT. */
class DeviceStoreTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    RedisLink link;
    DeviceStore store;
    RedisClient client;
    StatefulRedisConnection<String, String> peek;

    @BeforeEach
    void start() {
        link = new RedisLink(redis.url());
        store = new DeviceStore(link, 10_000);
        link.start();
        assertTrue(store.awaitLoaded(WAIT), "first load");
        client = RedisClient.create(redis.url());
        peek = client.connect();
    }

    @AfterEach
    void stop() {
        link.close();
        peek.close();
        client.shutdown();
    }

    @Test
    void burst_endsWithEachDevicesLatestState_andEveryStreamEntryInOrder_inFewerRoundTrips() {
        int changes = 2_000;
        for (int i = 1; i <= changes; i++) {
            store.put(Devices.door("d" + i % 5, i % 2 == 0, i));
            store.appendEvent(Map.of("device_id", "d" + i % 5, "seq", Integer.toString(i)));
        }
        for (int d = 0; d < 5; d++) {
            awaitHash(store.get("d" + d).orElseThrow());
        }
        List<StreamMessage<String, String>> entries = Eventually.await(WAIT, "every stream entry",
                () -> peek.sync().xrange(RedisKeys.EVENTS, io.lettuce.core.Range.unbounded()),
                list -> list.size() == changes);
        for (int i = 0; i < changes; i++) {
            assertEquals(Integer.toString(i + 1), entries.get(i).getBody().get("seq"), "entry " + i);
        }
        assertEquals(5, peek.sync().scard(RedisKeys.DEVICES));
        long scripts = scriptCalls();
        assertTrue(scripts < changes, changes + " changes took " + scripts + " round trips");
        assertEquals(0, store.dirtyCount());
        assertEquals(0, link.failedWrites());
    }

    @Test
    void steadyStream_atMostOneRoundTripPerGap_andTheLatestStateLands() {
        store.put(Devices.door("d0", false, 0));
        awaitHash(store.get("d0").orElseThrow()); // the script is loaded (a first EVALSHA is answered NOSCRIPT)
        long before = scriptCalls();
        long start = System.nanoTime();
        int changes = 200;
        for (int i = 1; i <= changes; i++) {
            store.put(Devices.door("d" + i % 5, i % 2 == 0, i));
            // a report every millisecond, as at 1,000 events/s (each round trip itself is far shorter)
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        long elapsed = System.nanoTime() - start;
        for (int d = 0; d < 5; d++) {
            awaitHash(store.get("d" + d).orElseThrow());
        }
        long batches = scriptCalls() - before;
        long allowed = elapsed / RedisWriteBehind.BATCH_GAP.toNanos() + 2;
        assertTrue(batches <= allowed, changes + " changes in " + elapsed / 1_000_000 + " ms took " + batches
                + " round trips; at most " + allowed + " expected");
        assertEquals(0, store.dirtyCount());
    }

    @Test
    void changeWhileAFlushIsInFlight_isSentWhenItCompletes() {
        store.put(Devices.door("d1", false, 1));
        awaitHash(store.get("d1").orElseThrow());
        long before = scriptCalls();
        // Redis holds every write: the next flush stays in flight while the door changes again.
        client("PAUSE", "10000", "WRITE");
        try {
            store.put(Devices.door("d1", true, 2));
            Eventually.await(WAIT, "the first flush held by Redis",
                    () -> peek.sync().info("clients").contains("blocked_clients:1"));
            store.put(Devices.door("d1", false, 3));
            store.appendEvent(Map.of("device_id", "d1", "seq", "3"));
        } finally {
            client("UNPAUSE");
        }
        awaitHash(Devices.door("d1", false, 3));
        Eventually.await(WAIT, "the entry queued behind the flush",
                () -> peek.sync().xlen(RedisKeys.EVENTS) == 1);
        assertEquals(before + 2, scriptCalls(), "one round trip in flight, one for what came meanwhile");
        assertEquals(0, store.dirtyCount());
    }

    @Test
    void redisRestartedEmpty_isRefilled_andChangesWhileDownAreCountedThenWritten() {
        store.put(Devices.door("d1", false, 1));
        store.put(Devices.leak("l1", false, 1));
        awaitHash(store.get("l1").orElseThrow());
        redis.peer().stop();
        Eventually.await(WAIT, "link down", () -> !link.up());
        store.put(Devices.door("d1", true, 2));
        store.appendEvent(Map.of("device_id", "d1", "seq", "2"));
        assertEquals(1, store.dirtyCount());

        redis.peer().restart();
        awaitHash(Devices.door("d1", true, 2));
        awaitHash(Devices.leak("l1", false, 1));
        assertEquals(2, peek.sync().scard(RedisKeys.DEVICES));
        Eventually.await(WAIT, "nothing left unsynced", () -> store.dirtyCount() == 0);
        store.put(Devices.door("d1", false, 3));
        awaitHash(Devices.door("d1", false, 3));
    }

    @Test
    void scriptCacheFlushed_noScriptAnswered_byEvalWithTheText() {
        store.put(Devices.door("d1", false, 1));
        awaitHash(store.get("d1").orElseThrow());
        peek.sync().scriptFlush();
        store.put(Devices.door("d1", true, 2));
        awaitHash(Devices.door("d1", true, 2));
        assertEquals(0, link.failedWrites());
        assertEquals(0, store.dirtyCount());
        store.put(Devices.door("d1", false, 3));
        awaitHash(Devices.door("d1", false, 3));
    }

    @Test
    void hashDeletedBehindTheStoresBack_isWrittenAgainWhole() {
        store.put(Devices.door("d1", false, 1));
        awaitHash(store.get("d1").orElseThrow());
        peek.sync().del(RedisKeys.device("d1"));
        store.put(Devices.door("d1", true, 2));
        awaitHash(Devices.door("d1", true, 2));
        assertEquals(0, store.dirtyCount());
    }

    @Test
    void attributeGone_isDeletedFromTheHash_andRecentEventsReadBackNewestFirst() {
        DeviceState d = Devices.door("d1", false, 1);
        DeviceState withAttribute = new DeviceState(d.deviceId(), d.name(), d.type(), d.kind(), d.state(), d.active(),
                d.batteryPercent(), d.signalDbm(), d.temperatureC(), d.humidityPercent(), d.lastSeenMillis(),
                d.online(), Map.of("battery_kind", "cr123", "label", "Porte \"avant\" \\ é ✓\n"));
        store.put(withAttribute);
        awaitHash(withAttribute);
        store.put(Devices.door("d1", true, 2));
        awaitHash(Devices.door("d1", true, 2));
        store.appendEvent(Map.of("device_id", "d1", "seq", "1"));
        store.appendEvent(Map.of("device_id", "d2", "seq", "2"));
        store.appendEvent(Map.of("device_id", "d1", "seq", "3"));
        List<Map<String, String>> recent = Eventually.await(WAIT, "d1's events",
                () -> store.recentEvents("d1", 10, 100).join(), list -> list.size() == 2);
        assertEquals(List.of("3", "1"), recent.stream().map(e -> e.get("seq")).toList());
        assertTrue(recent.get(0).containsKey("stream_id"));
    }

    private void awaitHash(DeviceState expected) {
        Map<String, String> want = new HashMap<>(DeviceHashCodec.encode(expected));
        Eventually.await(WAIT, "hash of " + expected.deviceId() + " = " + want,
                () -> peek.sync().hgetall(RedisKeys.device(expected.deviceId())), want::equals);
    }

    /** CLIENT PAUSE / UNPAUSE (not in lettuce's API). */
    private void client(String... args) {
        CommandArgs<String, String> command = new CommandArgs<>(StringCodec.UTF8);
        for (String arg : args) {
            command.add(arg);
        }
        peek.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8), command);
    }

    /** EVALSHA and EVAL calls Redis served since it started (INFO commandstats). */
    private long scriptCalls() {
        long calls = 0;
        for (String line : peek.sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
                calls += Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*$", "$1"));
            }
        }
        return calls;
    }
}
