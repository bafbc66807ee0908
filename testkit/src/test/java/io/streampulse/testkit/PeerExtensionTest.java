package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extensions' lifecycle: static = one peer per class (restarted if a test killed it), instance = per test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerExtensionTest {

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @RegisterExtension
    final RedisExtension perTest = new RedisExtension();

    private static final List<RedisPeer> perTestPeers = new ArrayList<>();
    private static RedisPeer classPeer;
    private static int classPort;

    @Test
    @Order(1)
    void staticExtensionRunsRedisForTheClassAndATestMayKillIt() {
        classPeer = redis.peer();
        classPort = redis.port();
        assertEquals(redis.url(), classPeer.url());
        assertEquals("PONG", ping(redis.url()));
        perTestPeers.add(perTest.peer());
        redis.peer().kill();
        assertFalse(redis.peer().isRunning());
    }

    @Test
    @Order(2)
    void theNextTestGetsTheSamePeerRunningAgainOnTheSamePort() {
        assertSame(classPeer, redis.peer(), "one peer for the whole class");
        assertTrue(classPeer.isRunning(), "restarted before this test");
        assertEquals(classPort, redis.port());
        assertEquals("PONG", ping(redis.url()));
        perTestPeers.add(perTest.peer());
    }

    @Test
    @Order(3)
    void instanceExtensionGivesEachTestItsOwnPeer() {
        assertNotEquals(redis.port(), perTest.port());
        assertEquals("PONG", ping(perTest.url()));
        perTestPeers.add(perTest.peer());
        assertEquals(3, perTestPeers.stream().distinct().count());
        assertFalse(perTestPeers.get(0).isRunning(), "the first test's own peer was stopped after it");
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesShareTheOuterPeer() {
            assertTrue(redis.peer().isRunning());
            if (classPeer != null) { // null only when this nested class is run on its own
                assertSame(classPeer, redis.peer(), "entering a nested class does not start a second peer");
            }
            assertEquals("PONG", ping(redis.url()));
        }
    }

    /** Runs after the nested class's afterAll: leaving the nested class must not have stopped the outer peer. */
    @AfterAll
    static void perTestPeersAreStoppedAndTheClassPeerStillRuns() {
        assertTrue(perTestPeers.stream().noneMatch(RedisPeer::isRunning));
        assertTrue(redis.peer().isRunning(), "stopped only after @AfterAll, by the extension");
    }

    private static String ping(String url) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
