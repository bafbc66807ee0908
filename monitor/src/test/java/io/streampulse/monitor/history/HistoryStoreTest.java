package io.streampulse.monitor.history;

import io.micronaut.context.ApplicationContext;
import io.streampulse.monitor.probe.ProbeResult.CheckKind;
import io.streampulse.monitor.sla.SlaCalculator;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StreamState;
import io.streampulse.shared.config.MonitorSection;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQLite history on a real file: beats, aggregates, reads and retention over simulated days. */
class HistoryStoreTest {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /**
     * A day boundary (UTC), so bucket arithmetic in the assertions is plain; after the real now, so the running
     * writer's own retention (real clock) leaves these simulated days alone.
     */
    static final long T0 = (System.currentTimeMillis() / DAY + 2) * DAY;
    static final MonitorSection.Retention DEFAULTS = new MonitorSection.Retention(24, 100, 24, 30, 365);

    @TempDir
    Path dir;
    TempSuite suite;
    ApplicationContext context;
    HistoryWrites writes;
    HistoryReads reads;
    HistoryRetention retention;

    @BeforeEach
    void start() {
        suite = TempSuite.create(dir);
        suite.writeConfig("streams: []\n");
        open();
    }

    private void open() {
        context = ApplicationContext.run(suite.properties());
        writes = context.getBean(HistoryWrites.class);
        reads = context.getBean(HistoryReads.class);
        retention = context.getBean(HistoryRetention.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    static Heartbeat beat(String id, long ts, StreamState state, Long latency, boolean important) {
        return new Heartbeat(id, ts, state, latency, state == StreamState.UP ? "RTSP 200, H264" : "refused",
                CheckKind.RTSP, important);
    }

    /** {@code count} beats of one stream every {@code stepMs} from {@code from}, all up, latency 10..19. */
    static List<Heartbeat> upBeats(String id, long from, long stepMs, int count) {
        List<Heartbeat> beats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            beats.add(beat(id, from + i * stepMs, StreamState.UP, 10L + i % 10, i == 0 && from == T0));
        }
        return beats;
    }

    @Test
    void beatsAreStoredWithTheirMessagesAndAggregatedPerMinuteHourAndDay() {
        writes.append(upBeats("cam", T0, 20_000, 180)); // one hour, three beats a minute
        writes.append(List.of(beat("cam", T0 + HOUR, StreamState.DOWN, null, true),
                beat("cam", T0 + HOUR + 20_000, StreamState.DOWN, null, false)));

        List<Heartbeat> raw = reads.beats("cam", T0, T0 + DAY, 1_000);
        assertEquals(182, raw.size());
        assertEquals("RTSP 200, H264", raw.get(0).message());
        assertEquals("refused", raw.get(181).message());
        assertEquals(StreamState.DOWN, raw.get(181).state());
        assertNull(raw.get(181).latencyMs());

        List<HistoryPoint> minutes = reads.points("cam", Resolution.MINUTE, T0, T0 + 2 * HOUR, 1_000);
        assertEquals(61, minutes.size());
        HistoryPoint first = minutes.get(0);
        assertEquals(T0, first.ts());
        assertEquals(3, first.up());
        assertEquals(10L, first.latencyMin());
        assertEquals(12L, first.latencyMax());
        assertEquals(11.0, first.latencyAvg(), 1e-9);
        HistoryPoint outage = minutes.get(60);
        assertEquals(2, outage.down());
        assertNull(outage.latencyAvg());
        assertEquals(0.0, outage.upRatio(), 1e-9);

        List<HistoryPoint> hours = reads.points("cam", Resolution.HOUR, T0, T0 + DAY, 100);
        assertEquals(List.of(T0, T0 + HOUR), hours.stream().map(HistoryPoint::ts).toList());
        assertEquals(180, hours.get(0).up());
        assertEquals(14.5, hours.get(0).latencyAvg(), 1e-9);
        List<HistoryPoint> days = reads.points("cam", Resolution.DAY, T0, T0 + DAY, 10);
        assertEquals(1, days.size());
        assertEquals(180, days.get(0).up());
        assertEquals(2, days.get(0).down());
    }

    @Test
    void aggregatesAddUpAcrossBatches() {
        List<Heartbeat> all = upBeats("cam", T0, 1_000, 120);
        writes.append(all.subList(0, 50));
        writes.append(all.subList(50, 120));
        List<HistoryPoint> minutes = reads.points("cam", Resolution.MINUTE, T0, T0 + HOUR, 100);
        assertEquals(List.of(60, 60), minutes.stream().map(HistoryPoint::up).toList());
        assertEquals(10L, minutes.get(1).latencyMin());
        assertEquals(19L, minutes.get(1).latencyMax());
    }

    @Test
    void retentionOverSimulatedDaysKeepsEachTierForItsTime() {
        // 40 simulated days of one beat every 10 minutes, one outage (two state changes) on day 2
        List<Heartbeat> beats = new ArrayList<>();
        for (long ts = T0; ts < T0 + 40 * DAY; ts += 10 * MINUTE) {
            boolean outage = ts >= T0 + DAY + 2 * HOUR && ts < T0 + DAY + 3 * HOUR;
            boolean edge = ts == T0 || ts == T0 + DAY + 2 * HOUR || ts == T0 + DAY + 3 * HOUR;
            beats.add(beat("cam", ts, outage ? StreamState.DOWN : StreamState.UP, outage ? null : 20L, edge));
        }
        writes.append(beats);
        long now = T0 + 40 * DAY;

        retention.apply(DEFAULTS, now);

        List<Heartbeat> raw = reads.beats("cam", 0, Long.MAX_VALUE, 100_000);
        long recent = raw.stream().filter(b -> b.tsMillis() >= now - DAY).count();
        assertEquals(144, recent, "every beat of the last 24 h");
        assertEquals(3, raw.stream().filter(b -> b.tsMillis() < now - DAY).count(), "only the 3 state changes");
        assertTrue(raw.stream().filter(b -> b.tsMillis() < now - DAY).allMatch(Heartbeat::important));
        assertEquals(144, reads.points("cam", Resolution.MINUTE, 0, now, 100_000).size(), "minutes of 24 h");
        assertEquals(30 * 24, reads.points("cam", Resolution.HOUR, 0, now, 100_000).size(), "hours of 30 d");
        assertEquals(40, reads.points("cam", Resolution.DAY, 0, now, 100_000).size(), "all 40 days");

        // the outage day's figures survive in the daily aggregate and in the SLA long after its raw beats went
        HistoryPoint outageDay = reads.points("cam", Resolution.DAY, T0 + DAY, T0 + 2 * DAY, 10).get(0);
        assertEquals(6, outageDay.down());
        SlaCalculator.Sla sla = reads.sla("cam", T0, T0 + 40 * DAY, false);
        assertEquals(1.0 - (double) HOUR / (40 * DAY), sla.availability().orElseThrow(), 1e-12);

        retention.apply(DEFAULTS, now + 400 * DAY);
        assertTrue(reads.changes("cam", 0, Long.MAX_VALUE, 10).isEmpty(), "nothing is kept past daily_days");
    }

    @Test
    void theNewestRowsOfAQuietStreamAreKept() {
        writes.append(upBeats("quiet", T0, HOUR, 150)); // hourly beats for 150 h, then silence
        long now = T0 + 30 * DAY;
        retention.apply(DEFAULTS, now);
        List<Heartbeat> kept = reads.beats("quiet", 0, Long.MAX_VALUE, 1_000);
        assertEquals(101, kept.size(), "the newest 100 and the first beat, a state change");
        assertEquals(T0, kept.get(0).tsMillis());
        assertEquals(T0 + 50 * HOUR, kept.get(1).tsMillis());

        retention.apply(new MonitorSection.Retention(24, 0, 24, 30, 365), now);
        assertEquals(1, reads.beats("quiet", 0, Long.MAX_VALUE, 1_000).size(), "keep_last 0: only the change");
    }

    @Test
    void slaOfAllStreamsIsTimeWeightedFromTheirChanges() {
        writes.append(List.of(beat("a", T0, StreamState.UP, 5L, true),
                beat("a", T0 + 6 * HOUR, StreamState.DOWN, null, true),
                beat("b", T0 + 12 * HOUR, StreamState.UP, 5L, true)));
        var all = reads.slaAll(T0, T0 + DAY, false);
        assertEquals(0.25, all.get("a").availability().orElseThrow(), 1e-12);
        assertEquals(1.0, all.get("b").availability().orElseThrow(), 1e-12);
        assertEquals(12 * HOUR, all.get("b").knownMs(), "time before b was first seen is not counted");
        var later = reads.slaAll(T0 + DAY, T0 + 2 * DAY, false);
        assertEquals(0.0, later.get("a").availability().orElseThrow(), 1e-12, "state carried in from before");
    }

    @Test
    void aCheckpointEmptiesTheWriteAheadLog() throws Exception {
        writes.append(upBeats("cam", T0, 1_000, 2_000));
        Path wal = suite.dataDir().resolve("monitor.db-wal");
        assertTrue(java.nio.file.Files.size(wal) > 0);
        writes.checkpoint();
        assertEquals(0, java.nio.file.Files.size(wal));
        assertEquals(2_000, reads.beats("cam", T0, T0 + DAY, 5_000).size());
    }

    /** Every read is a lookup by key or a walk of the state-change index, never a pass over all the beats. */
    @Test
    void noReadScansTheWholeHeartbeatTable() throws Exception {
        Set<String> fragments = Set.of("BEAT", "BEAT_OF_STREAM", "ONE_PER_STREAM");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + suite.dataDir().resolve("monitor.db"))) {
            for (Field field : HistoryRepository.class.getFields()) {
                if (fragments.contains(field.getName())) {
                    continue;
                }
                String sql = ((String) field.get(null)).replaceAll(":[a-zA-Z]+", "1");
                try (ResultSet plan = db.createStatement().executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                    while (plan.next()) {
                        String step = plan.getString("detail");
                        assertFalse(step.matches("SCAN (h|x|heartbeat)( .*)?")
                                && !step.contains("USING INDEX heartbeat_change"), field.getName() + ": " + step);
                    }
                }
            }
        }
    }

    @Test
    void reopeningMigratesOnceAndKeepsEverything() {
        writes.append(List.of(beat("cam", T0, StreamState.DEGRADED, 40L, true)));
        context.close();
        open();
        assertEquals(HistorySchema.MIGRATIONS.size(), context.getBean(HistorySchema.class).version());
        Heartbeat latest = reads.latestBeats().get("cam");
        assertEquals(StreamState.DEGRADED, latest.state());
        assertEquals(T0, reads.lastChanges().get("cam").tsMillis());
        assertFalse(reads.latestBeats().containsKey("other"));
    }
}
