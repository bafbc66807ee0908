package io.streampulse.monitor.history;

import io.micronaut.context.ApplicationContext;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.TestPlans;
import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.schedule.StreamPlan;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StreamState;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer behind the checks: off the probing path, and nothing lost while the database cannot be written. */
class HeartbeatWriterTest {

    @TempDir
    Path dir;
    TempSuite suite;
    ApplicationContext context;
    HeartbeatWriter writer;
    HistoryReads reads;
    final StreamPlan plan = TestPlans.plan("cam", "Cam");

    @BeforeEach
    void start() {
        suite = TempSuite.create(dir);
        suite.writeConfig("streams: []\n");
        Map<String, Object> properties = new HashMap<>(suite.properties());
        // a short busy timeout, so the locked database fails writes quickly
        properties.put("datasources.default.url", "jdbc:sqlite:monitor.db?journal_mode=WAL&busy_timeout=100");
        context = ApplicationContext.run(properties);
        writer = context.getBean(HeartbeatWriter.class);
        reads = context.getBean(HistoryReads.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private void check(long ts) {
        ProbeResult result = ProbeResult.up(12, "RTSP 200", ProbeResult.CheckKind.RTSP, Map.of());
        writer.accept(new CheckOutcome(plan, result, new Heartbeat("cam", ts, StreamState.UP, 12L, "RTSP 200",
                ProbeResult.CheckKind.RTSP, ts == 1_000), 0));
    }

    @Test
    void aLockedDatabaseDelaysBeatsButLosesNone() throws Exception {
        check(1_000);
        assertTrue(writer.flush(10_000));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + suite.dataDir().resolve("monitor.db"));
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            long started = System.nanoTime();
            for (int i = 1; i <= 50; i++) {
                check(1_000 + i * 20_000L);
            }
            long acceptMicros = (System.nanoTime() - started) / 1_000;
            assertTrue(acceptMicros < 200_000, "queuing 50 beats must not wait for the database: " + acceptMicros);
            Eventually.await(Duration.ofSeconds(10), "the writer reports the locked database",
                    () -> !writer.healthy());
            assertTrue(String.valueOf(writer.details().get("error")).contains("lock"), writer.details().toString());
            lock.execute("COMMIT");
        }
        assertTrue(writer.flush(15_000), "all beats stored once the lock is gone: " + writer.details());
        assertTrue(writer.healthy());
        assertEquals(51, reads.beats("cam", 0, Long.MAX_VALUE, 1_000).size());
        assertEquals(0L, writer.details().get("dropped"));
    }
}
