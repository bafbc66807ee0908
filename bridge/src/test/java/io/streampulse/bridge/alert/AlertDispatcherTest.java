package io.streampulse.bridge.alert;

import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.bridge.support.RecordingReceiver;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox against a real SQLite file and real receiver objects; restarts reopen the same file. */
class AlertDispatcherTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final AlertDispatcher.Options FAST = new AlertDispatcher.Options(
            new RetryBackoff(Duration.ofMillis(40), Duration.ofMillis(200)), Duration.ofSeconds(5),
            Duration.ofHours(1));

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Path file() {
        return dir.resolve("outbox.db");
    }

    private AlertDispatcher dispatcher(Receiver... receivers) throws SQLException {
        OutboxStore outbox = new OutboxStore(file(), 1_000);
        Map<String, Receiver> byName = new java.util.HashMap<>();
        for (Receiver r : receivers) {
            byName.put(r.name(), r);
        }
        AlertDispatcher dispatcher = new AlertDispatcher(outbox, n -> Optional.ofNullable(byName.get(n)), FAST,
                Clock.systemUTC());
        open.add(outbox);
        open.add(dispatcher);
        // d1 goes to exactly the receivers given (sia's zone is set, so a disabled sia is skipped for that reason)
        dispatcher.configure(Map.of("d1", mapping("d1", List.copyOf(byName.keySet())),
                "d2", new DeviceMapping("d2", "", Optional.of(5), Optional.of(4), Optional.empty(), 0,
                        List.copyOf(byName.keySet())),
                "nozone", new DeviceMapping("nozone", "", Optional.empty(), Optional.empty(), Optional.empty(), 0,
                        List.of("chekt"))), byName.keySet());
        dispatcher.start();
        return dispatcher;
    }

    private static DeviceMapping mapping(String id, List<String> receivers) {
        return new DeviceMapping(id, "", Optional.of(3), Optional.of(4), Optional.empty(), 0, receivers);
    }

    private static AlertEvent event(String device, int n) {
        return new AlertEvent(EdgeDetector.id(device, AlertCause.OPEN, n % 2 == 0, n), device, "Door",
                io.streampulse.bridge.device.DeviceKind.DOOR, AlertCause.OPEN, n % 2 == 0, n);
    }

    @Test
    void dispatch_rowIsOnDiskBeforeTheReceiverIsCalled() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        List<String> seenOnDisk = new CopyOnWriteArrayList<>();
        chekt.onAttempt(e -> seenOnDisk.add(statusOnDisk(e.id())));
        dispatcher(chekt).dispatch(List.of(event("d1", 1)));
        Eventually.await(WAIT, "delivery", () -> chekt.delivered().size() == 1);
        assertEquals(List.of("pending"), seenOnDisk);
        Eventually.await(WAIT, "delivered in the log", () -> "delivered".equals(statusOnDisk(event("d1", 1).id())));
    }

    @Test
    void concurrentAlerts_allOnDiskBeforeSending_inFewerCommitsThanAlerts() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        List<String> seenOnDisk = new CopyOnWriteArrayList<>();
        chekt.onAttempt(e -> seenOnDisk.add(statusOnDisk(e.id())));
        AlertDispatcher dispatcher = dispatcher(chekt);
        int threads = 8;
        int perThread = 50;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t * perThread;
            Thread sender = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = from; n < from + perThread; n++) {
                    dispatcher.dispatch(List.of(event("d1", n)));
                }
            });
            sender.start();
            senders.add(sender);
        }
        go.countDown();
        for (Thread sender : senders) {
            sender.join();
        }
        int alerts = threads * perThread;
        Eventually.await(WAIT, "every alert delivered", () -> chekt.delivered().size() == alerts);
        assertEquals(alerts, Set.copyOf(chekt.delivered()).size(), "no alert sent twice");
        assertEquals(List.of("pending"), seenOnDisk.stream().distinct().toList(), "every row on disk before its send");
        long commits = dispatcher.outbox().enqueueCommits();
        assertTrue(commits < alerts, commits + " commits for " + alerts + " alerts");
    }

    @Test
    void failingReceiver_retriedWithGrowingWaits_deliveredOnceItRecovers() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        chekt.failing(true);
        AlertDispatcher dispatcher = dispatcher(chekt);
        dispatcher.dispatch(List.of(event("d1", 1)));
        Eventually.await(WAIT, "4 failed attempts", () -> chekt.attempts().size() >= 4);
        assertEquals("failed", statusOnDisk(event("d1", 1).id()));
        assertEquals(1, dispatcher.outbox().backlog().failing());
        List<RecordingReceiver.Attempt> tries = chekt.attempts();
        for (int i = 1; i < 4; i++) {
            long gap = tries.get(i).atMillis() - tries.get(i - 1).atMillis();
            long minimum = Math.min(200, 40L << (i - 1)) / 2;
            assertTrue(gap >= minimum, "wait before attempt " + (i + 1) + " was " + gap + " ms, under " + minimum);
        }
        chekt.failing(false);
        Eventually.await(WAIT, "delivery after recovery", () -> chekt.delivered().size() == 1);
        Eventually.await(WAIT, "outbox empty", () -> backlog(dispatcher).unfinished() == 0);
        OutboxEntry logged = dispatcher.outbox().query(Optional.of("d1"), Optional.of("delivered"), 10).get(0);
        assertEquals(chekt.attempts().size(), logged.attempts());
        assertEquals("ACK", logged.answer());
    }

    @Test
    void receiverDownDuringManyEvents_allDeliveredInOrder_noDuplicates() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        RecordingReceiver sia = new RecordingReceiver("sia");
        chekt.failing(true);
        AlertDispatcher dispatcher = dispatcher(chekt, sia);
        List<AlertEvent> sent = IntStream.rangeClosed(1, 30).mapToObj(n -> event("d1", n)).toList();
        for (AlertEvent e : sent) {
            dispatcher.dispatch(List.of(e));
        }
        Eventually.await(WAIT, "sia gets all while chekt is down", () -> sia.delivered().size() == 30);
        assertEquals(sent, sia.delivered());
        assertTrue(chekt.delivered().isEmpty());
        chekt.failing(false);
        Eventually.await(WAIT, "chekt gets all", () -> chekt.delivered().size() == 30);
        assertEquals(sent, chekt.delivered());
        dispatcher.dispatch(sent);
        Eventually.await(WAIT, "outbox empty", () -> backlog(dispatcher).unfinished() == 0);
        assertEquals(30, chekt.delivered().size(), "a replayed event is not sent twice");
    }

    @Test
    void receiverWithLanes_aRefusedLaneDoesNotHoldUpAnother_eachInOrder() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        chekt.lanes(m -> m.chektZone().orElse(0)); // d1 zone 3, d2 zone 5: two lanes
        chekt.refusing(e -> e.deviceId().equals("d2"));
        AlertDispatcher dispatcher = dispatcher(chekt);
        List<AlertEvent> d1 = IntStream.rangeClosed(1, 20).mapToObj(n -> event("d1", n)).toList();
        List<AlertEvent> d2 = IntStream.rangeClosed(1, 20).mapToObj(n -> event("d2", n)).toList();
        for (int n = 0; n < 20; n++) {
            dispatcher.dispatch(List.of(d2.get(n), d1.get(n)));
        }
        Eventually.await(WAIT, "zone 3 delivered while zone 5 is refused", () -> chekt.delivered().size() == 20);
        assertEquals(d1, chekt.delivered());
        chekt.refusing(e -> false);
        Eventually.await(WAIT, "zone 5 after it recovers", () -> chekt.delivered().size() == 40);
        assertEquals(d2, chekt.delivered().subList(20, 40), "zone 5 in its own order");
        Eventually.await(WAIT, "queued per receiver (its lanes summed), now empty",
                () -> dispatcher.queued().equals(Map.of("chekt", 0)));
    }

    @Test
    void restart_resumesWhatTheReceiverRefusedBefore() throws Exception {
        RecordingReceiver down = new RecordingReceiver("chekt");
        down.failing(true);
        AlertDispatcher first = dispatcher(down);
        List<AlertEvent> sent = List.of(event("d1", 1), event("d1", 2), event("d1", 3));
        first.dispatch(sent);
        Eventually.await(WAIT, "a failed attempt", () -> !down.attempts().isEmpty());
        first.close();
        first.outbox().close();

        RecordingReceiver up = new RecordingReceiver("chekt");
        AlertDispatcher second = dispatcher(up);
        Eventually.await(WAIT, "resumed deliveries", () -> up.delivered().size() == 3);
        assertEquals(sent, up.delivered());
        Eventually.await(WAIT, "outbox empty", () -> backlog(second).unfinished() == 0);
    }

    @Test
    void disabledReceiverOrMissingZone_skippedWithoutARow() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        RecordingReceiver sia = new RecordingReceiver("sia");
        sia.enabled(false);
        AlertDispatcher dispatcher = dispatcher(chekt, sia);
        dispatcher.dispatch(List.of(event("d1", 1), event("nozone", 1), event("unmapped", 1)));
        Eventually.await(WAIT, "chekt delivery", () -> chekt.delivered().size() == 1);
        assertEquals(List.of(event("d1", 1)), chekt.delivered());
        assertEquals(1, dispatcher.outbox().query(Optional.empty(), Optional.empty(), 100).size());
        assertTrue(sia.attempts().isEmpty());
    }

    private static OutboxStore.Backlog backlog(AlertDispatcher dispatcher) {
        try {
            return dispatcher.outbox().backlog();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the row through a second connection, as another process (or a restart) would see the file. */
    private String statusOnDisk(String eventId) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT status FROM deliveries WHERE event_id = '" + eventId + "'")) {
            return rs.next() ? rs.getString(1) : "absent";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

