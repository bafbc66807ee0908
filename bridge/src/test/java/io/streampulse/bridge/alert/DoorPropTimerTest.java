package io.streampulse.bridge.alert;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.streampulse.bridge.store.DoorPropDeadlines;
import io.streampulse.bridge.store.RedisKeys;
import io.streampulse.bridge.store.RedisLink;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deadlines found in Redis at start: a passed one fires at once, a future one at its time; both are removed. */
class DoorPropTimerTest {

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final Map<String, Long> firedAt = new ConcurrentHashMap<>();
    RedisLink link;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        if (link != null) {
            link.close();
        }
    }

    @Test
    void storedDeadlines_passedFiresAtOnce_futureFiresOnTime_thenRemoved() {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            link = new RedisLink(redis.url());
            long now = System.currentTimeMillis();
            c.sync().zadd(RedisKeys.DOOR_PROP, now - 60_000, "passed");
            c.sync().zadd(RedisKeys.DOOR_PROP, now + 2_000, "future");
            DoorPropTimer timer = new DoorPropTimer(new DoorPropDeadlines(link), scheduler, Clock.systemUTC(),
                    id -> firedAt.put(id, System.currentTimeMillis()));
            link.start();
            Eventually.await(Duration.ofSeconds(10), "both fired", () -> firedAt.size() == 2);
            long connected = link.since().toEpochMilli();
            assertTrue(firedAt.get("passed") - connected < 1_000, "the passed deadline did not fire at once");
            assertTrue(firedAt.get("future") >= now + 2_000, "the future deadline fired early");
            long late = firedAt.get("future") - Math.max(now + 2_000, connected);
            assertTrue(late < 1_000, "future deadline fired " + late + " ms after its time");
            assertTrue(!timer.armed("future"));
            Eventually.await(Duration.ofSeconds(5), "deadlines removed from redis",
                    () -> c.sync().zrange(RedisKeys.DOOR_PROP, 0, -1), List::isEmpty);
            assertEquals(2, firedAt.size());
        } finally {
            client.shutdown();
        }
    }
}
