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

/** The outbox file itself: rows and answers written together, the log trimmed in steps. */
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
    void write_finishedRows_logTrimmedToItsCapacityEveryThousand() throws Exception {
        try (OutboxStore outbox = new OutboxStore(dir.resolve("outbox.db"), CAPACITY)) {
            List<OutboxEntry> rows = outbox.write(targets(0, OutboxStore.TRIM_EVERY), List.of(), 1L);
            List<OutboxStore.Outcome> answers = rows.stream().map(OutboxStoreTest::delivered).toList();

            outbox.write(List.of(), answers.subList(0, OutboxStore.TRIM_EVERY - 1), 2L);
            assertEquals(OutboxStore.TRIM_EVERY - 1, delivered(outbox).size(), "no trim before the step");

            outbox.write(List.of(), answers.subList(OutboxStore.TRIM_EVERY - 1, OutboxStore.TRIM_EVERY), 3L);
            List<OutboxEntry> kept = delivered(outbox);
            assertEquals(CAPACITY, kept.size());
            assertEquals(rows.get(rows.size() - 1).seq(), kept.get(0).seq(), "the newest rows are kept");
        }
    }

    @Test
    void open_outboxOfTheEarlierSchema_keepsItsRowsAndIndexesOnlyTheUnfinished() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (OutboxStore outbox = new OutboxStore(file, CAPACITY)) {
            List<OutboxEntry> rows = outbox.write(targets(0, 4), List.of(), 1L);
            outbox.write(List.of(), List.of(delivered(rows.get(0))), 2L);
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = db.createStatement()) {
            // the two indexes a file written before this change has
            s.execute("CREATE INDEX deliveries_status ON deliveries (status, seq)");
            s.execute("CREATE INDEX deliveries_device ON deliveries (device_id, seq)");
        }
        try (OutboxStore outbox = new OutboxStore(file, CAPACITY)) {
            assertEquals(3, outbox.unfinished().size(), "pending rows resume after the upgrade");
            assertEquals(1, delivered(outbox).size());
            assertEquals(1, outbox.query(Optional.of("door"), Optional.empty(), 1).size());
            assertEquals(3, outbox.backlog().unfinished());
        }
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = db.createStatement();
             java.sql.ResultSet indexes = s.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE"
                     + " type = 'index' AND name LIKE 'deliveries_%'");
             java.sql.Statement p = db.createStatement();
             java.sql.ResultSet plan = p.executeQuery("EXPLAIN QUERY PLAN SELECT seq FROM deliveries"
                     + " WHERE status IN ('pending', 'failed') ORDER BY seq")) {
            assertEquals("deliveries_unfinished", indexes.getString(1), "only the unfinished rows are indexed");
            plan.next();
            assertTrue(plan.getString("detail").contains("deliveries_unfinished"), plan.getString("detail"));
        }
    }

    private static List<OutboxEntry> delivered(OutboxStore outbox) throws Exception {
        return outbox.query(Optional.empty(), Optional.of(OutboxEntry.DELIVERED), 10 * OutboxStore.TRIM_EVERY);
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
