package io.streampulse.monitor.history;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/**
 * The history's reads. Hand-written SQL, because every read joins the key tables and most pick one row per
 * stream; each is served by a primary key or the state-change index. ANSI dialect: SQLite's own quoting
 * (java-stack.md §2).
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface HistoryRepository extends GenericRepository<StreamRow, Integer> {

    String BEAT = "SELECT s.stream_id, h.ts, h.state, h.latency_ms, m.text AS message, h.kind, h.important";
    String BEAT_OF_STREAM = BEAT + " FROM heartbeat h JOIN stream s ON s.stream_key = h.stream_key"
            + " LEFT JOIN message m ON m.message_key = h.message_key WHERE s.stream_id = :streamId";
    /**
     * Per stream, the one row whose ts the appended subquery picks. CROSS JOIN makes SQLite loop over the streams
     * and look each row up by primary key; left to itself it scans the whole heartbeat table.
     */
    String ONE_PER_STREAM = BEAT + " FROM stream s CROSS JOIN heartbeat h ON h.stream_key = s.stream_key"
            + " LEFT JOIN message m ON m.message_key = h.message_key WHERE h.ts = ";

    String BEATS = BEAT_OF_STREAM + " AND h.ts >= :from AND h.ts < :to ORDER BY h.ts LIMIT :limit";
    String CHANGES = BEAT_OF_STREAM
            + " AND h.important = 1 AND h.ts >= :from AND h.ts < :to ORDER BY h.ts DESC LIMIT :limit";
    String LAST_CHANGE_BEFORE = BEAT_OF_STREAM + " AND h.important = 1 AND h.ts < :before ORDER BY h.ts DESC LIMIT 1";
    String ALL_CHANGES = BEAT + " FROM heartbeat h JOIN stream s ON s.stream_key = h.stream_key"
            + " LEFT JOIN message m ON m.message_key = h.message_key"
            + " WHERE h.important = 1 AND h.ts >= :from AND h.ts < :to ORDER BY h.stream_key, h.ts";
    String LAST_CHANGES_BEFORE = ONE_PER_STREAM + "(SELECT MAX(x.ts) FROM heartbeat x INDEXED BY heartbeat_change"
            + " WHERE x.stream_key = s.stream_key AND x.important = 1 AND x.ts < :before)";
    String LATEST_BEATS = ONE_PER_STREAM + "(SELECT MAX(x.ts) FROM heartbeat x WHERE x.stream_key = s.stream_key)";
    String BUCKETS = "SELECT b.bucket, b.up_count, b.degraded_count, b.down_count, b.pending_count, b.latency_min,"
            + " b.latency_max, b.latency_sum, b.latency_count FROM stat b JOIN stream s ON s.stream_key = b.stream_key"
            + " WHERE s.stream_id = :streamId AND b.resolution = :resolution AND b.bucket >= :from AND b.bucket < :to"
            + " ORDER BY b.bucket";

    @Query(BEATS)
    List<BeatRow> beats(String streamId, long from, long to, int limit);

    @Query(CHANGES)
    List<BeatRow> changesNewestFirst(String streamId, long from, long to, int limit);

    @Query(LAST_CHANGE_BEFORE)
    Optional<BeatRow> lastChangeBefore(String streamId, long before);

    @Query(ALL_CHANGES)
    List<BeatRow> allChanges(long from, long to);

    @Query(LAST_CHANGES_BEFORE)
    List<BeatRow> lastChangesBefore(long before);

    @Query(LATEST_BEATS)
    List<BeatRow> latestBeats();

    @Query(BUCKETS)
    List<BucketRow> buckets(String streamId, int resolution, long from, long to);
}
