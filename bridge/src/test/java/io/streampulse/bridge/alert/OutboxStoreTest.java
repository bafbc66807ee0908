package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox file itself: rows and answers written together, the log trimmed to its newest rows. */
class OutboxStoreTest {

    private static final int CAPACITY = 10;

    @TempDir
    Path dir;

    @Test
    void write_manyBatches_rowsAndAnswersStoredWithTheSameStatements() throws Exception {
        try (OutboxStore outbox = new OutboxStore(dir.resolve("outbox.db"), 10_000)) {
            for (int batch = 0; batch < 5; batch++) {
                List<OutboxEntry> added = outbox.write(targets(batch * 3, 3), List.of(), 1L);
                assertEquals(3, added.size());
                outbox.write(List.of(), List.of(delivered(added.get(0))), 2L);
            }
            assertEquals(10, outbox.unfinished().size());
            assertEquals(5, outbox.query(Optional.empty(), Optional.of(OutboxEntry.DELIVERED), 100).size());
            assertEquals(0, outbox.write(targets(0, 3), List.of(), 3L).size(), "a replayed event is not stored twice");
        }
    }

    @Test
    void write_moreRowsThanTheLogHolds_newestFinishedKeptAndUnfinishedNeverTrimmed() throws Exception {
        try (OutboxStore outbox = new OutboxStore(dir.resolve("outbox.db"), CAPACITY)) {
            List<OutboxEntry> rows = outbox.write(targets(0, 3 * CAPACITY), List.of(), 1L);
            OutboxEntry stuck = rows.get(0);
            OutboxEntry late = rows.get(1);
            // all but the first two delivered, in small transactions as a receiver lane answers
            for (int i = 2; i < rows.size(); i += 3) {
                outbox.write(List.of(), rows.subList(i, Math.min(i + 3, rows.size())).stream()
                        .map(OutboxStoreTest::delivered).toList(), 2L);
            }
            List<OutboxEntry> kept = delivered(outbox);
            assertEquals(CAPACITY, kept.size(), "the log holds its capacity");
            assertEquals(rows.get(rows.size() - 1).seq(), kept.get(0).seq(), "the newest rows are kept");
            assertEquals(2, outbox.unfinished().size(), "rows still to deliver are never trimmed");

            // one finishes long after the window passed it: not logged; the other still resumes after a restart
            outbox.write(List.of(), List.of(delivered(late)), 3L);
            assertEquals(List.of(stuck.seq()), outbox.unfinished().stream().map(OutboxEntry::seq).toList());
            assertEquals(CAPACITY, delivered(outbox).size());
        }
        try (OutboxStore reopened = new OutboxStore(dir.resolve("outbox.db"), CAPACITY)) {
            assertEquals(1, reopened.unfinished().size());
            List<OutboxEntry> more = reopened.write(targets(100, CAPACITY), List.of(), 4L);
            reopened.write(List.of(), more.stream().map(OutboxStoreTest::delivered).toList(), 5L);
            List<OutboxEntry> kept = delivered(reopened);
            assertEquals(more.stream().map(OutboxEntry::seq).sorted(java.util.Comparator.reverseOrder()).toList(),
                    kept.stream().map(OutboxEntry::seq).toList(), "after a restart the window goes on from the file");
        }
    }

    @Test
    void open_outboxOfAnEarlierSchema_keepsRowsAndSeq_keyedByTimeAndIndexingOnlyTheUnfinished() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = db.createStatement()) {
            // the table and indexes as versions before this one wrote them, four rows, the newest (seq 7) trimmed
            s.execute("CREATE TABLE deliveries (seq INTEGER PRIMARY KEY AUTOINCREMENT, receiver TEXT NOT NULL,"
                    + " event_id TEXT NOT NULL, device_id TEXT NOT NULL, device_name TEXT, kind TEXT NOT NULL,"
                    + " cause TEXT NOT NULL, restore INTEGER NOT NULL, event_ms INTEGER NOT NULL, status TEXT NOT NULL,"
                    + " attempts INTEGER NOT NULL, created_ms INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL,"
                    + " last_attempt_ms INTEGER NOT NULL, answer TEXT NOT NULL, UNIQUE (receiver, event_id))");
            s.execute("CREATE INDEX deliveries_status ON deliveries (status, seq)");
            s.execute("CREATE INDEX deliveries_device ON deliveries (device_id, seq)");
            for (int i = 0; i < 4; i++) {
                s.execute("INSERT INTO deliveries VALUES (" + (i + 3) + ", 'sia', 'door/OPEN/alarm/" + i + "', 'door',"
                        + " 'Door', 'DOOR', 'OPEN', 0, " + i + ", '" + (i == 0 ? "delivered" : "pending") + "', 0, 1,"
                        + " 1, 0, '')");
            }
            s.execute("UPDATE sqlite_sequence SET seq = 7 WHERE name = 'deliveries'");
        }
        try (OutboxStore outbox = new OutboxStore(file, CAPACITY)) {
            assertEquals(List.of(4L, 5L, 6L), outbox.unfinished().stream().map(OutboxEntry::seq).toList(),
                    "pending rows resume after the upgrade");
            assertEquals(1, delivered(outbox).size());
            assertEquals(8L, outbox.write(targets(10, 1), List.of(), 2L).get(0).seq(),
                    "seq goes on after the highest handed out (7, trimmed)");
            assertEquals(0, outbox.write(targets(1, 1), List.of(), 2L).size(), "a stored event is not stored twice");
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = db.createStatement()) {
            try (java.sql.ResultSet table = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'deliveries'")) {
                assertTrue(table.getString(1).contains("UNIQUE (event_ms, receiver, event_id)"), table.getString(1));
            }
            try (java.sql.ResultSet indexes = s.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE"
                    + " type = 'index' AND name LIKE 'deliveries_%'")) {
                assertEquals("deliveries_unfinished", indexes.getString(1), "only the unfinished rows are indexed");
            }
            try (java.sql.ResultSet plan = s.executeQuery("EXPLAIN QUERY PLAN SELECT seq FROM deliveries"
                    + " WHERE status IN ('pending', 'failed') ORDER BY seq")) {
                plan.next();
                assertTrue(plan.getString("detail").contains("deliveries_unfinished"), plan.getString("detail"));
            }
        }
    }

    private static List<OutboxEntry> delivered(OutboxStore outbox) throws Exception {
        return outbox.query(Optional.empty(), Optional.of(OutboxEntry.DELIVERED), 1_000);
    }

    private static OutboxStore.Outcome delivered(OutboxEntry entry) {
        return new OutboxStore.Outcome(entry.retryAt(1, 2L, 0, "ACK"), OutboxEntry.DELIVERED);
    }

    private static List<OutboxStore.Target> targets(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> new OutboxStore.Target("sia",
                new AlertEvent("door/OPEN/alarm/" + i, "door", "Door", DeviceKind.DOOR, AlertCause.OPEN, false, i)))
                .toList();
    }
}
