package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The durable outbox and delivery log: one SQLite file ({@code outbox.db} in STREAMPULSE_DATA), WAL with
 * {@code synchronous=FULL} for new rows, so a row is on disk (fsync) before {@link #write} returns and survives
 * kill -9 and power loss (answers: see {@link #durability}). Redis is not used for this: the container's Redis
 * fsyncs its AOF once a second, and delivery must go on while Redis is down. One connection, one writer (this
 * process), calls serialised.
 */
public final class OutboxStore implements AutoCloseable {

    /** One event for one receiver, to be queued. */
    public record Target(String receiver, AlertEvent event) {
    }

    /** A row's new status after an attempt: delivered or expired (a log line), or failed until its next attempt. */
    public record Outcome(OutboxEntry entry, String status) {
    }

    /** The operator's figures: rows still to deliver, how many of them failed at least once, the oldest one. */
    public record Backlog(int unfinished, int failing, long oldestCreatedMillis) {
    }

    private final Connection db;
    /** Prepared once: at 1,000 events/s the writer stores thousands of rows and answers a second. */
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement trimWindow;
    private final PreparedStatement deleteRow;
    private final int logCapacity;
    /** The highest seq stored; the log keeps the finished rows of the newest {@code logCapacity} seqs. */
    private long newestSeq;
    /** Every finished row at or below this seq is gone: each trim deletes only the seqs the window left since. */
    private long trimmedTo;
    private String synchronous = "FULL";
    private long enqueueCommits;
    private long commits;

    public OutboxStore(Path file, int logCapacity) {
        this.logCapacity = logCapacity;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Properties options = new Properties();
            // RETURNING gives the new seq; without this the driver regex-matches every UPDATE's SQL for "INSERT"
            options.setProperty("jdbc.get_generated_keys", "false");
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), options);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            OutboxSchema.apply(db);
            insert = db.prepareStatement("INSERT INTO deliveries (receiver, event_id, device_id, device_name, kind,"
                    + " cause, restore, event_ms, status, attempts, created_ms, next_attempt_ms, last_attempt_ms,"
                    + " answer) VALUES (?,?,?,?,?,?,?,?,?,0,?,?,0,'') ON CONFLICT DO NOTHING RETURNING seq");
            update = db.prepareStatement("UPDATE deliveries SET status = ?, attempts = ?, next_attempt_ms = ?,"
                    + " last_attempt_ms = ?, answer = ? WHERE seq = ?");
            trimWindow = db.prepareStatement("DELETE FROM deliveries WHERE seq > ? AND seq <= ?"
                    + " AND status IN ('delivered', 'expired')");
            deleteRow = db.prepareStatement("DELETE FROM deliveries WHERE seq = ?");
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT max(seq) FROM deliveries")) {
                newestSeq = rs.next() ? rs.getLong(1) : 0;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the alert outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * New rows and answers ({@link Outcome}) in one transaction: one fsync for all of them. Returns the new rows; a
     * target already stored (same receiver and event id, e.g. an event replayed after a restart) is not stored twice
     * and not returned.
     */
    public synchronized List<OutboxEntry> write(List<Target> targets, List<Outcome> outcomes, long nowMillis)
            throws SQLException {
        List<OutboxEntry> added = new ArrayList<>();
        long newestBefore = newestSeq;
        long trimmedBefore = trimmedTo;
        durability(targets.isEmpty() ? "NORMAL" : "FULL");
        db.setAutoCommit(false);
        try {
            if (!targets.isEmpty()) {
                insert(targets, nowMillis, added);
            }
            for (Outcome outcome : outcomes) {
                boolean finished = !OutboxEntry.FAILED.equals(outcome.status());
                // a row finished after the log's window passed it (e.g. the end of a long outage) is not logged
                if (finished && outcome.entry().seq() <= trimmedTo) {
                    deleteRow.setLong(1, outcome.entry().seq());
                    deleteRow.executeUpdate();
                } else {
                    update(outcome.entry(), outcome.status(), finished ? 0 : outcome.entry().nextAttemptMillis());
                }
            }
            trimLog();
            db.commit();
            commits++;
            if (!targets.isEmpty()) {
                enqueueCommits++;
            }
            return added;
        } catch (SQLException e) {
            db.rollback();
            newestSeq = newestBefore;
            trimmedTo = trimmedBefore;
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * New rows are fsynced before anything is sent (FULL). A transaction of answers only is not (NORMAL: in WAL mode
     * it is in the file at once, so it survives kill -9, and the next FULL commit's fsync covers it): at 1,000
     * events/s a third to a half of the commits were answers only, each holding the alarms queued behind its fsync.
     * Only a power loss can take an answer back, and then its alarm is sent again: a duplicate, never a loss.
     */
    private void durability(String level) throws SQLException {
        if (!level.equals(synchronous)) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA synchronous=" + level);
            }
            synchronous = level;
        }
    }

    private void insert(List<Target> targets, long nowMillis, List<OutboxEntry> added) throws SQLException {
        for (Target target : targets) {
            AlertEvent e = target.event();
            insert.setString(1, target.receiver());
            insert.setString(2, e.id());
            insert.setString(3, e.deviceId());
            insert.setString(4, e.deviceName());
            insert.setString(5, e.kind().name());
            insert.setString(6, e.cause().name());
            insert.setInt(7, e.restore() ? 1 : 0);
            insert.setLong(8, e.atMillis());
            insert.setString(9, OutboxEntry.PENDING);
            insert.setLong(10, nowMillis);
            insert.setLong(11, nowMillis);
            try (ResultSet rs = insert.executeQuery()) {
                if (rs.next()) {
                    newestSeq = Math.max(newestSeq, rs.getLong(1));
                    added.add(new OutboxEntry(rs.getLong(1), target.receiver(), e, OutboxEntry.PENDING, 0,
                            nowMillis, nowMillis, 0, ""));
                }
            }
        }
    }

    /** Transactions that stored new rows (each one fsync): fewer than alerts when they are grouped. */
    public synchronized long enqueueCommits() {
        return enqueueCommits;
    }

    /** Every transaction {@link #write} committed, rows and answers: fewer than both together under load. */
    public synchronized long commits() {
        return commits;
    }

    /** Rows still to deliver, oldest first (what a restart resumes). */
    public synchronized List<OutboxEntry> unfinished() throws SQLException {
        return select("WHERE status IN ('pending', 'failed') ORDER BY seq", List.of());
    }

    /** Newest first; {@code status} one of pending, failed, delivered, expired. */
    public synchronized List<OutboxEntry> query(Optional<String> deviceId, Optional<String> status, int limit)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE 1=1");
        deviceId.ifPresent(d -> {
            where.append(" AND device_id = ?");
            args.add(d);
        });
        status.ifPresent(s -> {
            where.append(" AND status = ?");
            args.add(s);
        });
        args.add(limit);
        return select(where + " ORDER BY seq DESC LIMIT ?", args);
    }

    public synchronized Backlog backlog() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*),"
                + " coalesce(sum(status = 'failed'), 0), coalesce(min(created_ms), 0) FROM deliveries"
                + " WHERE status IN ('pending', 'failed')")) {
            rs.next();
            return new Backlog(rs.getInt(1), rs.getInt(2), rs.getLong(3));
        }
    }

    private void update(OutboxEntry entry, String status, long nextAttempt) throws SQLException {
        update.setString(1, status);
        update.setInt(2, entry.attempts());
        update.setLong(3, nextAttempt);
        update.setLong(4, entry.lastAttemptMillis());
        update.setString(5, entry.answer());
        update.setLong(6, entry.seq());
        update.executeUpdate();
    }

    /**
     * Deletes the finished rows the log's window has moved past, a few with every transaction: a trim of the newest
     * {@code logCapacity} finished rows by OFFSET walked the whole log, ~20 ms every 1,000 rows at 1,000 events/s,
     * with every alarm queued behind it. Unfinished rows stay until they finish (see {@link #write}).
     */
    private void trimLog() throws SQLException {
        long bound = newestSeq - logCapacity;
        if (bound > trimmedTo) {
            trimWindow.setLong(1, trimmedTo);
            trimWindow.setLong(2, bound);
            trimWindow.executeUpdate();
            trimmedTo = bound;
        }
    }

    private List<OutboxEntry> select(String tail, List<Object> args) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT " + OutboxSchema.COLUMNS + " FROM deliveries "
                + tail)) {
            for (int i = 0; i < args.size(); i++) {
                query.setObject(i + 1, args.get(i));
            }
            List<OutboxEntry> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    AlertEvent event = new AlertEvent(rs.getString("event_id"), rs.getString("device_id"),
                            rs.getString("device_name"), DeviceKind.valueOf(rs.getString("kind")),
                            AlertCause.valueOf(rs.getString("cause")), rs.getInt("restore") == 1,
                            rs.getLong("event_ms"));
                    rows.add(new OutboxEntry(rs.getLong("seq"), rs.getString("receiver"), event,
                            rs.getString("status"), rs.getInt("attempts"), rs.getLong("created_ms"),
                            rs.getLong("next_attempt_ms"), rs.getLong("last_attempt_ms"), rs.getString("answer")));
                }
            }
            return rows;
        }
    }

    @Override
    public synchronized void close() {
        try {
            insert.close();
            update.close();
            trimWindow.close();
            deleteRow.close();
            db.close();
        } catch (SQLException ignored) {
            // closing; every committed row is already on disk
        }
    }
}
