package io.streampulse.monitor.history;

import io.micronaut.transaction.TransactionOperations;
import io.streampulse.shared.config.MonitorSection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Uptime Kuma v2's retention: raw beats for {@code raw_hours}, except state changes and each stream's newest
 * {@code raw_keep_last}; minute aggregates for {@code minutely_hours}, hour aggregates for {@code hourly_days}, day
 * aggregates and state changes for {@code daily_days}. Deletes go a few streams per transaction, so the writer
 * (on the same thread) and readers are never held up for long. Space freed is reused by later writes.
 */
@Singleton
public class HistoryRetention {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);
    private static final int STREAMS_PER_TRANSACTION = 100;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** Raw beats before the cutoff that are not state changes and not among the stream's newest N. */
    private static final String DELETE_RAW = "DELETE FROM heartbeat WHERE stream_key = ?1 AND ts < ?2 AND important = 0"
            + " AND (?3 = 0 OR ts < coalesce((SELECT ts FROM heartbeat WHERE stream_key = ?1 ORDER BY ts DESC"
            + " LIMIT 1 OFFSET ?3 - 1), -9223372036854775808))";
    private static final String DELETE_ALL_BEFORE = "DELETE FROM heartbeat WHERE stream_key = ? AND ts < ?";
    private static final String DELETE_BUCKETS = "DELETE FROM stat WHERE stream_key = ? AND resolution = ?"
            + " AND bucket < ?";

    /** Rows deleted by one run: raw beats (state changes included once past the longest tier), and buckets. */
    public record Removed(long beats, long minutes, long hours, long days) {

        Removed plus(Removed other) {
            return new Removed(beats + other.beats, minutes + other.minutes, hours + other.hours, days + other.days);
        }
    }

    private final TransactionOperations<Connection> tx;
    private final HistoryWrites writes;

    public HistoryRetention(TransactionOperations<Connection> tx, HistoryWrites writes) {
        this.tx = tx;
        this.writes = writes;
    }

    /** Applies the retention as of {@code nowMillis}; call it from the writer's thread. */
    public Removed apply(MonitorSection.Retention retention, long nowMillis) {
        Cutoffs cutoffs = new Cutoffs(nowMillis - retention.rawHours() * HOUR, retention.rawKeepLast(),
                nowMillis - retention.dailyDays() * DAY, nowMillis - retention.minutelyHours() * HOUR,
                nowMillis - retention.hourlyDays() * DAY);
        List<Integer> streams = tx.executeRead(status -> streamKeys(status.getConnection()));
        Removed removed = new Removed(0, 0, 0, 0);
        for (int from = 0; from < streams.size(); from += STREAMS_PER_TRANSACTION) {
            List<Integer> chunk = streams.subList(from, Math.min(streams.size(), from + STREAMS_PER_TRANSACTION));
            removed = removed.plus(tx.executeWrite(status -> deleteOld(status.getConnection(), chunk, cutoffs)));
        }
        LOG.debug("History retention removed {}", removed);
        return removed;
    }

    private record Cutoffs(long raw, int keepLast, long oldest, long minutes, long hours) {
    }

    /** Drops messages no beat refers to any more (a full scan: run it daily, not hourly). */
    public long pruneMessages() {
        long removed = tx.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement("DELETE FROM message WHERE"
                    + " message_key NOT IN (SELECT message_key FROM heartbeat WHERE message_key IS NOT NULL)")) {
                return (long) delete.executeUpdate();
            }
        });
        writes.forgetKeys();
        return removed;
    }

    private static List<Integer> streamKeys(Connection connection) throws SQLException {
        List<Integer> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT stream_key FROM stream");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getInt(1));
            }
        }
        return keys;
    }

    private static Removed deleteOld(Connection connection, List<Integer> streams, Cutoffs cutoffs)
            throws SQLException {
        try (PreparedStatement raw = connection.prepareStatement(DELETE_RAW);
             PreparedStatement all = connection.prepareStatement(DELETE_ALL_BEFORE);
             PreparedStatement buckets = connection.prepareStatement(DELETE_BUCKETS)) {
            Removed removed = new Removed(0, 0, 0, 0);
            for (int stream : streams) {
                raw.setInt(1, stream);
                raw.setLong(2, cutoffs.raw());
                raw.setInt(3, cutoffs.keepLast());
                removed = removed.plus(new Removed(raw.executeUpdate() + deleteBefore(all, stream, cutoffs.oldest()),
                        deleteBuckets(buckets, stream, Resolution.MINUTE, cutoffs.minutes()),
                        deleteBuckets(buckets, stream, Resolution.HOUR, cutoffs.hours()),
                        deleteBuckets(buckets, stream, Resolution.DAY, cutoffs.oldest())));
            }
            return removed;
        }
    }

    private static long deleteBuckets(PreparedStatement delete, int stream, Resolution resolution, long cutoff)
            throws SQLException {
        delete.setInt(1, stream);
        delete.setInt(2, resolution.code());
        delete.setLong(3, cutoff);
        return delete.executeUpdate();
    }

    private static long deleteBefore(PreparedStatement delete, int stream, long cutoff) throws SQLException {
        delete.setInt(1, stream);
        delete.setLong(2, cutoff);
        return delete.executeUpdate();
    }
}
