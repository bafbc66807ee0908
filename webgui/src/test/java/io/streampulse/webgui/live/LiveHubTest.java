package io.streampulse.webgui.live;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub without a server: frames as a recording socket sees them; the flush timer is driven by the test. */
class LiveHubTest {

    private final LiveMessages messages = new LiveMessages(JsonMapper.createDefault());
    private final LiveBoard board = new LiveBoard(messages);
    private final Set<String> liveSessions = ConcurrentHashMap.newKeySet();
    private final LiveHub hub = new LiveHub(board, messages, liveSessions::contains, Duration.ofHours(1));

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void newConnection_getsTheSnapshotFirst_asOneTypedMessage() {
        board.stream(stream("s1", "Gate", "UP", 12L));
        board.service(new ServiceRow("bridge", "Bridge", ServiceRow.UP, "event stream connected"));
        RecordingSocket socket = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), socket));

        assertEquals(1, socket.frames.size());
        String frame = socket.frames.get(0);
        assertTrue(frame.startsWith("[{\"type\":\"snapshot\",\"at\":"), frame);
        assertTrue(frame.contains("\"streams\":[{\"id\":\"s1\",\"name\":\"Gate\",\"state\":\"UP\""), frame);
        assertTrue(frame.contains("\"latency_ms\":12"), frame);
        assertTrue(frame.contains("\"services\":[{\"id\":\"bridge\",\"name\":\"Bridge\",\"status\":\"UP\","
                + "\"detail\":\"event stream connected\"}]"), frame);
    }

    @Test
    void updates_areEncodedAsTypedMessages_andABurstIsCoalesced_latestStateWins() {
        RecordingSocket socket = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), socket));
        board.stream(stream("s1", "Gate", "UP", 10L));
        board.stream(stream("s2", "Yard", "UP", 11L));
        board.stream(stream("s1", "Gate", "DEGRADED", 20L));
        board.stream(stream("s1", "Gate", "DOWN", null));
        board.device(new DeviceRow("d1", "Door", "DoorSensor", "open", List.of("OPEN"), 75, -77, 1000L, true));
        hub.flushAll();

        assertEquals(2, socket.frames.size(), "snapshot, then one frame for the whole burst");
        String frame = socket.frames.get(1);
        assertEquals(1, count(frame, "\"id\":\"s1\""), "s1 once, in its latest state: " + frame);
        assertTrue(frame.contains("{\"type\":\"stream_state_updated\",\"stream\":{\"id\":\"s1\",\"name\":\"Gate\","
                + "\"state\":\"DOWN\""), frame);
        assertTrue(frame.contains("{\"type\":\"device_state_updated\",\"device\":{\"device_id\":\"d1\""), frame);
        assertTrue(frame.contains("\"active\":[\"OPEN\"]"), frame);
        assertTrue(frame.indexOf("\"s2\"") < frame.indexOf("\"s1\""), "ordered by latest change: " + frame);

        hub.flushAll();
        assertEquals(2, socket.frames.size(), "nothing new: no frame");
    }

    @Test
    void anUnchangedState_sendsNothing() {
        RecordingSocket socket = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), socket));
        board.stream(stream("s1", "Gate", "UP", 10L));
        hub.flushAll();
        board.stream(stream("s1", "Gate", "UP", 10L));
        hub.flushAll();
        assertEquals(2, socket.frames.size());
    }

    @Test
    void aDeadConnection_isDropped_andTheOthersStillGetUpdates() {
        RecordingSocket dead = new RecordingSocket();
        RecordingSocket alive = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), dead));
        hub.open(new LiveConnection("c2", "bob", session("bob"), alive));
        dead.open = false;
        board.stream(stream("s1", "Gate", "UP", 10L));
        hub.flushAll();

        assertEquals(1, hub.connections());
        assertEquals(1, dead.frames.size(), "only its snapshot");
        assertEquals(2, alive.frames.size());
    }

    @Test
    void aFailedSend_dropsTheConnectionAtTheNextFlush() {
        RecordingSocket socket = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), socket));
        socket.fail = true;
        board.stream(stream("s1", "Gate", "UP", 10L));
        hub.flushAll();
        board.stream(stream("s1", "Gate", "DOWN", 10L));
        hub.flushAll();
        assertEquals(0, hub.connections());
    }

    @Test
    void aClientThatDoesNotRead_isClosed_notBufferedForever() {
        RecordingSocket slow = new RecordingSocket();
        slow.complete = false; // frames never reach the socket
        hub.open(new LiveConnection("c1", "ann", session("ann"), slow));
        for (int i = 0; i < LiveConnection.MAX_IN_FLIGHT + 5; i++) {
            board.stream(stream("s1", "Gate", i % 2 == 0 ? "UP" : "DOWN", (long) i));
            hub.flushAll();
        }
        assertEquals(0, hub.connections());
        assertEquals("client too slow", slow.closedWith);
        assertEquals(LiveConnection.MAX_IN_FLIGHT, slow.frames.size(), "no frame beyond the bound");
    }

    @Test
    void aUserKeepsAtMostTheNewestConnections() {
        List<RecordingSocket> sockets = new ArrayList<>();
        for (int i = 0; i <= LiveHub.MAX_PER_USER; i++) {
            RecordingSocket s = new RecordingSocket();
            sockets.add(s);
            hub.open(new LiveConnection("c" + i, "ann", session("ann"), s));
        }
        assertEquals(LiveHub.MAX_PER_USER, hub.connections());
        assertFalse(sockets.get(0).closedWith == null, "the oldest was closed");
    }

    @Test
    void aRemovedStream_isAMessageOfItsOwn() {
        board.stream(stream("s1", "Gate", "UP", 10L));
        RecordingSocket socket = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), socket));
        board.retainStreams(Set.of());
        hub.flushAll();
        assertEquals("[{\"type\":\"stream_removed\",\"id\":\"s1\"}]", socket.frames.get(1));
    }

    private static StreamRow stream(String id, String name, String state, Long latency) {
        return new StreamRow(id, name, state, 1L, 2L, latency, "ok", null, null);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** A socket that keeps what was sent. */
    @Test
    void aDashboardWhoseSessionEnded_isClosedAtTheNextFlush_andOthersGoOn() {
        RecordingSocket ann = new RecordingSocket();
        RecordingSocket bob = new RecordingSocket();
        hub.open(new LiveConnection("c1", "ann", session("ann"), ann));
        hub.open(new LiveConnection("c2", "bob", session("bob"), bob));

        liveSessions.remove("session-of-ann"); // signed out, expired, disabled
        board.stream(stream("s1", "Gate", "DOWN", null));
        hub.flushAll();

        assertEquals("signed out", ann.closedWith);
        assertEquals(1, ann.frames.size(), "nothing after the snapshot");
        assertEquals(2, bob.frames.size(), "bob still gets the change");
        assertEquals(1, hub.connections());
    }

    /** A live session id for the user. */
    private String session(String user) {
        liveSessions.add("session-of-" + user);
        return "session-of-" + user;
    }

    private static final class RecordingSocket implements LiveConnection.Sender {
        final List<String> frames = new ArrayList<>();
        volatile boolean open = true;
        volatile boolean fail;
        volatile boolean complete = true;
        volatile String closedWith;

        @Override
        public CompletionStage<?> send(String frame) {
            frames.add(frame);
            if (fail) {
                return CompletableFuture.failedFuture(new java.io.IOException("connection reset"));
            }
            return complete ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        @Override
        public void close(String reason) {
            closedWith = reason;
            open = false;
        }

        @Override
        public boolean open() {
            return open;
        }
    }
}
