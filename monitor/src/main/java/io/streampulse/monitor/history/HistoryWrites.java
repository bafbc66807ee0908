package io.streampulse.monitor.history;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.streampulse.monitor.state.Heartbeat;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends beats to the history: one transaction per batch with the raw rows and the minute, hour and day
 * aggregates they touch. Used by one thread (the history writer), which makes it SQLite's single writer.
 */
@Singleton
public class HistoryWrites {

    private static final String INSERT_BEAT = "INSERT INTO heartbeat (stream_key, ts, state, latency_ms, message_key,"
            + " kind, important) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_BUCKET = "INSERT INTO stat (stream_key, resolution, bucket, up_count, degraded_count,"
            + " down_count, pending_count, latency_min, latency_max, latency_sum, latency_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (stream_key, resolution, bucket) DO UPDATE SET"
            + " up_count = up_count + excluded.up_count,"
            + " degraded_count = degraded_count + excluded.degraded_count,"
            + " down_count = down_count + excluded.down_count,"
            + " pending_count = pending_count + excluded.pending_count,"
            + " latency_min = min(coalesce(latency_min, excluded.latency_min), coalesce(excluded.latency_min, latency_min)),"
            + " latency_max = max(coalesce(latency_max, excluded.latency_max), coalesce(excluded.latency_max, latency_max)),"
            + " latency_sum = latency_sum + excluded.latency_sum,"
            + " latency_count = latency_count + excluded.latency_count";

    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;
    private final TextKeys streams = new TextKeys("stream", "stream_key", "stream_id");
    private final TextKeys messages = new TextKeys("message", "message_key", "text");
    /** The last stored time per stream: a beat in the same millisecond moves 1 ms on instead of being lost. */
    private final Map<Integer, Long> lastTs = new HashMap<>();

    public HistoryWrites(HistorySchema schema, TransactionOperations<Connection> tx,
                         ConnectionOperations<Connection> connections) {
        this.tx = tx;
        this.connections = connections;
    }

    /** Stores the beats (any streams, oldest first per stream) and their aggregates, all or nothing. */
    public void append(List<Heartbeat> beats) {
        if (beats.isEmpty()) {
            return;
        }
        boolean stored = false;
        try {
            tx.executeWrite(status -> {
                Connection connection = status.getConnection();
                insertBeats(connection, beats);
                upsertBuckets(connection, AggregateFold.fold(beats));
                return null;
            });
            stored = true;
        } finally {
            if (!stored) { // rolled back: cached keys may name rows that were never committed
                forgetKeys();
                lastTs.clear();
            }
        }
    }

    /**
     * Copies the write-ahead log into the database and truncates it. SQLite's automatic checkpoints leave the WAL
     * file at its largest size, and any reader overlapping a restart lets it grow past it; calling this from the
     * writer every minute keeps the WAL small whatever the readers do.
     */
    public void checkpoint() {
        connections.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                throw new DataAccessException("WAL checkpoint failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** After a prune of the key tables, cached keys may be gone. */
    void forgetKeys() {
        streams.forget();
        messages.forget();
    }

    private void insertBeats(Connection connection, List<Heartbeat> beats) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BEAT)) {
            for (Heartbeat beat : beats) {
                int stream = streams.keyOf(connection, beat.streamId());
                long ts = Math.max(beat.tsMillis(), lastTs.getOrDefault(stream, Long.MIN_VALUE) + 1);
                lastTs.put(stream, ts);
                insert.setInt(1, stream);
                insert.setLong(2, ts);
                insert.setInt(3, StoredCodes.state(beat.state()));
                setNullable(insert, 4, beat.latencyMs());
                Integer message = messages.keyOf(connection, beat.message());
                if (message == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setInt(5, message);
                }
                insert.setInt(6, StoredCodes.kind(beat.kind()));
                insert.setInt(7, beat.important() ? 1 : 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void upsertBuckets(Connection connection, Map<AggregateFold.Bucket, BucketStats> buckets)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_BUCKET)) {
            for (var entry : buckets.entrySet()) {
                BucketStats stats = entry.getValue();
                upsert.setInt(1, streams.keyOf(connection, entry.getKey().streamId()));
                upsert.setInt(2, entry.getKey().resolution().code());
                upsert.setLong(3, entry.getKey().start());
                upsert.setInt(4, stats.upCount());
                upsert.setInt(5, stats.degradedCount());
                upsert.setInt(6, stats.downCount());
                upsert.setInt(7, stats.pendingCount());
                setNullable(upsert, 8, stats.latencyMin());
                setNullable(upsert, 9, stats.latencyMax());
                upsert.setLong(10, stats.latencySum());
                upsert.setInt(11, stats.latencyCount());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
