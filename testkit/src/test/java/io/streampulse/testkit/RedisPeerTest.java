package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisPeerTest {

    private RedisPeer redis;
    private RedisClient client;

    @BeforeEach
    void start() {
        redis = RedisPeer.start();
        client = RedisClient.create(redis.url());
        client.setOptions(ClientOptions.builder().autoReconnect(false).build());
    }

    @AfterEach
    void stop() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        redis.close();
    }

    @Test
    void setGetRoundTrip() {
        assertEquals("redis://127.0.0.1:" + redis.port(), redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertEquals("OK", connection.sync().set("camera:front:state", "online"));
            assertEquals("online", connection.sync().get("camera:front:state"));
        }
    }

    @Test
    void stoppedRedisRefusesAndRestartedRedisServesAgainEmpty() {
        int port = redis.port();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("before", "restart");
        }

        redis.stop();
        assertFalse(redis.isRunning());
        assertThrows(RedisConnectionException.class, client::connect);

        redis.restart();
        assertTrue(redis.isRunning());
        assertEquals(port, redis.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertNull(connection.sync().get("before"), "--save \"\": nothing survives a restart");
            connection.sync().set("after", "restart");
            assertEquals("restart", connection.sync().get("after"));
        }
    }

    @Test
    void killedRedisComesBackAsANewProcess() {
        long pid = redisPid();
        redis.kill();
        assertFalse(redis.isRunning());
        assertThrows(RedisConnectionException.class, client::connect);

        redis.restart();
        assertNotEquals(pid, redisPid());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertEquals("PONG", connection.sync().ping());
        }
    }

    /** The pid redis reports about itself, so the test does not trust the testkit's own bookkeeping. */
    private long redisPid() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String info = connection.sync().info("server");
            return info.lines().filter(l -> l.startsWith("process_id:"))
                    .mapToLong(l -> Long.parseLong(l.substring("process_id:".length()).trim()))
                    .findFirst().orElseThrow();
        }
    }
}
