package io.streampulse.bridge.alert;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.store.DeviceStore;
import io.streampulse.bridge.store.DoorPropDeadlines;
import io.streampulse.bridge.store.RedisKeys;
import io.streampulse.bridge.store.RedisLink;
import io.streampulse.bridge.support.Devices;
import io.streampulse.testkit.ManualClock;
import io.streampulse.bridge.support.RecordingReceiver;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine with a real Redis, a real outbox file and a clock the test moves. */
class AlertEngineTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long T0 = 1_800_000_000_000L;

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(T0);
    final RecordingReceiver chekt = new RecordingReceiver("chekt");
    final List<AlertEvent> heard = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    RedisLink link;
    DeviceStore store;
    AlertDispatcher dispatcher;
    AlertEngine engine;
    RedisClient client;
    StatefulRedisConnection<String, String> peek;

    @BeforeEach
    void start() throws Exception {
        link = new RedisLink(redis.url());
        store = new DeviceStore(link, 1_000);
        DoorPropDeadlines deadlines = new DoorPropDeadlines(link);
        dispatcher = new AlertDispatcher(new OutboxStore(dir.resolve("outbox.db"), 100), n -> n.equals("chekt")
                ? Optional.of(chekt) : Optional.empty(), new AlertDispatcher.Options(new RetryBackoff(
                Duration.ofMillis(20), Duration.ofMillis(100)), Duration.ofSeconds(5), Duration.ofHours(1)), clock);
        Map<String, DeviceMapping> devices = Map.of(
                "door", mapping("door", 0), "leak", mapping("leak", 0), "hub", mapping("hub", 0));
        dispatcher.configure(devices, Set.of("chekt"));
        engine = new AlertEngine(store, dispatcher, new OfflineWatch(clock), new AlertEngine.Listener() {
            @Override
            public void device(DeviceState state, boolean changed) {
            }

            @Override
            public void alert(AlertEvent event) {
                heard.add(event);
            }
        });
        engine.doorPropTimer(new DoorPropTimer(deadlines, timers, clock, engine::doorPropDue));
        engine.configure(devices);
        link.start();
        assertTrue(store.awaitLoaded(WAIT));
        dispatcher.start();
        client = RedisClient.create(redis.url());
        peek = client.connect();
    }

    @AfterEach
    void stop() {
        timers.shutdownNow();
        dispatcher.close();
        dispatcher.outbox().close();
        link.close();
        peek.close();
        client.shutdown();
    }

    private static DeviceMapping mapping(String id, int doorPropSeconds) {
        return new DeviceMapping(id, "", Optional.of(1), Optional.empty(), Optional.empty(), doorPropSeconds,
                List.of("chekt"));
    }

    private List<String> ids() {
        return heard.stream().map(AlertEvent::id).toList();
    }

    @Test
    void accept_openAlarm_repeatNothing_closeRestore_staleIgnored() {
        engine.accept(Devices.door("door", true, T0 + 1));
        engine.accept(Devices.door("door", true, T0 + 2));
        engine.accept(Devices.door("door", false, T0 + 3));
        engine.accept(Devices.door("door", true, T0 + 2));
        assertEquals(List.of("door/OPEN/alarm/" + (T0 + 1), "door/OPEN/restore/" + (T0 + 3)), ids());
        Eventually.await(WAIT, "both delivered", () -> chekt.delivered().size() == 2);
        assertEquals(heard, chekt.delivered());
        assertEquals(Set.of(), store.get("door").orElseThrow().active());
    }

    @Test
    void accept_twoEdgesInTheSameMillisecond_getDistinctIds() {
        engine.accept(Devices.door("door", true, T0));
        engine.accept(Devices.door("door", false, T0));
        assertEquals(List.of("door/OPEN/alarm/" + T0, "door/OPEN/restore/" + (T0 + 1)), ids());
    }

    @Test
    void checkOffline_eachKindAfterItsThreshold_restoredWhenHeardAgain() {
        engine.accept(Devices.hub("hub", T0));
        engine.accept(Devices.leak("leak", false, T0));
        clock.advance(Duration.ofMinutes(10));
        engine.checkOffline();
        assertTrue(heard.isEmpty(), "10 min of silence is still within a hub's threshold");
        clock.advance(Duration.ofMinutes(1));
        engine.checkOffline();
        assertEquals(List.of("hub/OFFLINE/alarm/" + clock.millis()), ids());
        assertFalse(store.get("hub").orElseThrow().online());
        clock.advance(Duration.ofHours(9).minusMinutes(11));
        engine.checkOffline();
        assertEquals(1, heard.size(), "a battery sensor has 9 h");
        clock.advance(Duration.ofMinutes(1));
        engine.checkOffline();
        engine.checkOffline();
        assertEquals(AlertCause.OFFLINE, heard.get(1).cause());
        assertEquals(2, heard.size(), "offline is raised once");
        engine.accept(Devices.leak("leak", false, clock.millis()));
        assertEquals(List.of(AlertCause.OFFLINE, true), List.of(heard.get(2).cause(), heard.get(2).restore()));
        assertTrue(store.get("leak").orElseThrow().online());
        Eventually.await(WAIT, "trouble and restore delivered", () -> chekt.delivered().size() == 3);
    }

    @Test
    void checkOffline_silenceBeforeTheBridgeStarted_isNotCounted() {
        engine.accept(Devices.leak("leak", false, T0 - Duration.ofHours(20).toMillis()));
        clock.advance(Duration.ofHours(9));
        engine.checkOffline();
        assertTrue(heard.isEmpty(), "only 9 h of listening so far");
        clock.advance(Duration.ofMinutes(1));
        engine.checkOffline();
        assertEquals(List.of(AlertCause.OFFLINE), heard.stream().map(AlertEvent::cause).toList());
    }

    @Test
    void accept_reportWithoutIdOrKind_ignoredAndTheNextOneWorks() {
        DeviceState good = Devices.door("door", true, T0);
        engine.accept(new DeviceState(" ", "x", "DoorSensor", good.kind(), "open", good.active(), null, null, null,
                null, T0, true, Map.of()));
        engine.accept(new DeviceState("door", "x", "DoorSensor", null, "open", good.active(), null, null, null,
                null, T0, true, Map.of()));
        engine.accept(good);
        assertEquals(List.of("door/OPEN/alarm/" + T0), ids());
    }

    @Test
    void accept_writesTheHashTheIndexAndTheStream() {
        engine.accept(Devices.leak("leak", true, T0 + 5));
        Eventually.await(WAIT, "hash in redis", () -> peek.sync().hgetall(RedisKeys.device("leak")),
                h -> "LEAK".equals(h.get("active")) && h.get("last_seen_millis").equals(Long.toString(T0 + 5)));
        assertTrue(peek.sync().smembers(RedisKeys.DEVICES).contains("leak"));
        Eventually.await(WAIT, "alert on the event stream", () -> peek.sync().xrange(RedisKeys.EVENTS,
                io.lettuce.core.Range.create("-", "+")).stream().anyMatch(m -> "alert".equals(m.getBody().get("type"))
                && ("leak/LEAK/alarm/" + (T0 + 5)).equals(m.getBody().get("id"))));
    }

    @Test
    void redisDown_alarmsStillDelivered_redisBack_writesResumeAndStateIsRewritten() {
        engine.accept(Devices.hub("hub", T0));
        Eventually.await(WAIT, "hub in redis", () -> peek.sync().exists(RedisKeys.device("hub")) == 1);
        redis.peer().stop();
        Eventually.await(WAIT, "link down", () -> !link.up());
        engine.accept(Devices.door("door", true, T0 + 10));
        Eventually.await(WAIT, "alarm delivered without redis", () -> chekt.delivered().size() == 1);
        assertTrue(store.dirtyCount() >= 1);
        redis.peer().restart();
        Eventually.await(WAIT, "door written after reconnect", () -> peek.sync().hgetall(RedisKeys.device("door")),
                h -> "OPEN".equals(h.get("active")));
        Eventually.await(WAIT, "hub rewritten into the empty redis",
                () -> peek.sync().exists(RedisKeys.device("hub")) == 1);
        engine.accept(Devices.door("door", false, T0 + 20));
        Eventually.await(WAIT, "new writes land", () -> peek.sync().hgetall(RedisKeys.device("door")),
                h -> "".equals(h.get("active")));
        assertEquals(0, store.dirtyCount());
    }
}
