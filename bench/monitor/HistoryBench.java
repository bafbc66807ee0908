import io.micronaut.context.ApplicationContext;
import io.streampulse.monitor.history.HistoryRetention;
import io.streampulse.monitor.history.HistoryWrites;
import io.streampulse.monitor.probe.ProbeResult.CheckKind;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StreamState;
import io.streampulse.shared.config.MonitorSection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The history database of N streams checked every 20 s, written through the monitor's own HistoryWrites in
 * batches of up to 5,000 beats (as its writer thread does) and trimmed by its HistoryRetention with the default
 * tiers. Simulated time: 28 days of one beat per stream per hour (which fills the hour and day aggregates exactly
 * as a full rate would), then 2 days at the full rate with the retention every simulated hour. Each stream has a
 * two-minute outage a day (two state changes). Prints the write rate, the size after the first full-rate day and
 * the size at the end (30 days kept), against the 200 MB target.
 */
public final class HistoryBench {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final MonitorSection.Retention DEFAULTS = new MonitorSection.Retention(24, 100, 24, 30, 365);

    public static void main(String[] args) throws Exception {
        int streams = Integer.parseInt(args[0]);
        Path data = Files.createTempDirectory("history-bench");
        Files.writeString(data.resolve("config.yaml"), "streams: []\n");
        try (ApplicationContext context = ApplicationContext.run(Map.of("streampulse.data", data.toString(),
                "streampulse.config", data.resolve("config.yaml").toString()))) {
            HistoryWrites writes = context.getBean(HistoryWrites.class);
            HistoryRetention retention = context.getBean(HistoryRetention.class);
            Path db = data.resolve("monitor.db");
            long t0 = (System.currentTimeMillis() / DAY + 1) * DAY; // future: the live writer's retention ignores it

            for (long day = 0; day < 28; day++) {
                for (long hour = 0; hour < 24; hour++) {
                    writes.append(beats(streams, t0 + day * DAY + hour * HOUR, HOUR, 1));
                }
                retention.apply(DEFAULTS, t0 + (day + 1) * DAY);
            }
            long beatsPerDay = (long) streams * (DAY / 20_000);
            long started = System.nanoTime();
            long sizeAfterFirstDay = 0;
            long peakWal = 0;
            for (long day = 28; day < 30; day++) {
                for (long hour = 0; hour < 24; hour++) {
                    long from = t0 + day * DAY + hour * HOUR;
                    for (long minute = 0; minute < 60; minute++) {
                        writes.append(beats(streams, from + minute * MINUTE, 20_000, 3));
                    }
                    retention.apply(DEFAULTS, from + HOUR);
                    peakWal = Math.max(peakWal, Files.size(db.resolveSibling("monitor.db-wal")));
                    writes.checkpoint(); // the writer does this every minute of real time
                }
                if (day == 28) {
                    sizeAfterFirstDay = size(db);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long end = size(db);
            System.out.printf("history %,d streams: %,d beats written at %,.0f beats/s (retention included)%n",
                    streams, 2 * beatsPerDay, 2 * beatsPerDay / seconds);
            System.out.printf("history %,d streams: %.1f MB after one full day, %.1f MB with 30 days kept"
                    + " (target 200 MB for 1,000 streams: ratio %.2f); WAL at most %.1f MB between checkpoints%n",
                    streams, sizeAfterFirstDay / 1e6, end / 1e6, end / 1e6 / 200 * 1_000 / streams, peakWal / 1e6);
        }
    }

    /** {@code perStream} beats for every stream from {@code from}, {@code step} apart; outages at 03:00 daily. */
    static List<Heartbeat> beats(int streams, long from, long step, int perStream) {
        List<Heartbeat> beats = new ArrayList<>(streams * perStream);
        for (int i = 0; i < perStream; i++) {
            long ts = from + i * step;
            long inDay = Math.floorMod(ts, DAY);
            boolean down = inDay >= 3 * HOUR && inDay < 3 * HOUR + 2 * MINUTE;
            boolean edge = inDay >= 3 * HOUR && inDay < 3 * HOUR + step
                    || inDay >= 3 * HOUR + 2 * MINUTE && inDay < 3 * HOUR + 2 * MINUTE + step;
            for (int s = 0; s < streams; s++) {
                beats.add(new Heartbeat("camera-" + s + "-5f3a9c1e", ts + s * 7L, down ? StreamState.DOWN
                        : StreamState.UP, down ? null : 40L + (s + ts / 1000) % 200, down ? "connection refused"
                        : "RTSP 200, H264 Main 1920x1080", CheckKind.RTSP, edge));
            }
        }
        return beats;
    }

    static long size(Path db) throws Exception {
        long total = 0;
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Path file = db.resolveSibling(db.getFileName() + suffix);
            total += Files.exists(file) ? Files.size(file) : 0;
        }
        return total;
    }
}
