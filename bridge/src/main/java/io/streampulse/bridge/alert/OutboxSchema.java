package io.streampulse.bridge.alert;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox file's table and indexes, and the upgrades of files written by earlier versions (rows, seq and
 * statuses kept). Each choice here is about what one transaction writes: at 1,000 events/s every page an insert,
 * answer or trim touches is written to the WAL, fsynced, and later copied into the file by a checkpoint.
 */
final class OutboxSchema {

    /** The column list of every row, in table order. */
    static final String COLUMNS = "seq, receiver, event_id, device_id, device_name, kind, cause, restore,"
            + " event_ms, status, attempts, created_ms, next_attempt_ms, last_attempt_ms, answer";

    /**
     * The key that keeps an event from being stored twice for a receiver leads with {@code event_ms}: an event's id
     * ends with its time ({@link EdgeDetector#id}), so (event_ms, receiver, event_id) is unique exactly when
     * (receiver, event_id) is, but new keys land at the index's right edge and trimmed ones leave its left edge.
     * Keyed by (receiver, event_id), each insert and each trimmed row touched a random leaf (the ids start with the
     * device): ~60 KB written per commit instead of ~40, and the WAL filled (and was checkpointed) half again as
     * often, in commits of 5 ms and more that held the alarms queued behind them.
     */
    private static final String KEY = "UNIQUE (event_ms, receiver, event_id)";

    private static final String TABLE = " (seq INTEGER PRIMARY KEY AUTOINCREMENT, receiver TEXT NOT NULL,"
            + " event_id TEXT NOT NULL, device_id TEXT NOT NULL, device_name TEXT, kind TEXT NOT NULL,"
            + " cause TEXT NOT NULL, restore INTEGER NOT NULL, event_ms INTEGER NOT NULL, status TEXT NOT NULL,"
            + " attempts INTEGER NOT NULL, created_ms INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL,"
            + " last_attempt_ms INTEGER NOT NULL, answer TEXT NOT NULL, " + KEY + ")";

    private OutboxSchema() {
    }

    static void apply(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS deliveries" + TABLE);
        }
        rebuildWithTimeOrderedKey(db);
        try (Statement s = db.createStatement()) {
            // Only the unfinished rows are indexed (what a restart resumes and the backlog counts): every index is
            // written with each row and answer, and at 1,000 events/s indexes on status and device had made up a
            // third of the writer's CPU. The log's other queries walk it newest first; it is capped.
            s.execute("DROP INDEX IF EXISTS deliveries_status");
            s.execute("DROP INDEX IF EXISTS deliveries_device");
            s.execute("CREATE INDEX IF NOT EXISTS deliveries_unfinished ON deliveries (seq)"
                    + " WHERE status IN ('pending', 'failed')");
        }
    }

    /** A file keyed by (receiver, event_id) is copied once into a table with {@link #KEY}, in one transaction. */
    private static void rebuildWithTimeOrderedKey(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet table = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table'"
                    + " AND name = 'deliveries'")) {
                if (table.getString(1).contains(KEY)) {
                    return;
                }
            }
            db.setAutoCommit(false);
            try {
                long lastSeq;
                try (ResultSet seq = s.executeQuery("SELECT coalesce(max(seq), 0) FROM sqlite_sequence"
                        + " WHERE name = 'deliveries'")) {
                    lastSeq = seq.getLong(1);
                }
                s.execute("CREATE TABLE deliveries_rebuilt" + TABLE);
                s.execute("INSERT INTO deliveries_rebuilt (" + COLUMNS + ") SELECT " + COLUMNS + " FROM deliveries");
                s.execute("DROP TABLE deliveries");
                s.execute("ALTER TABLE deliveries_rebuilt RENAME TO deliveries");
                // seq goes on after the highest ever handed out, even if that row was trimmed
                s.execute("UPDATE sqlite_sequence SET seq = max(seq, " + lastSeq + ") WHERE name = 'deliveries'");
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }
}
