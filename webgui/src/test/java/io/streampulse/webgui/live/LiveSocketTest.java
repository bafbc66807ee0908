package io.streampulse.webgui.live;

import io.streampulse.testkit.Eventually;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.session.SessionCookies;
import io.streampulse.webgui.session.SessionStore;
import io.streampulse.webgui.session.WebSession;
import io.streampulse.testkit.FakeBridgeFeed;
import io.streampulse.webgui.support.FakeMonitorFeed;
import io.streampulse.webgui.support.LiveClient;
import io.streampulse.webgui.support.LivePeers;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /ws/live over a real socket: who may open it, and what it says, fed by a fake monitor and bridge. */
class LiveSocketTest {

    @TempDir
    static Path dir;
    static FakeMonitorFeed monitor;
    static FakeBridgeFeed bridge;
    static WebguiServer server;

    @BeforeAll
    static void start() throws Exception {
        monitor = new FakeMonitorFeed();
        bridge = new FakeBridgeFeed();
        monitor.change("cam1", "Gate", FakeMonitorFeed.streamJson("cam1", "Gate", "UP", 1_000L, 42L, "ok"));
        server = WebguiServer.start(dir, "streams: []\n", LivePeers.of(monitor.url(), bridge.url()));
        server.addUser("admin", "admin-password-1", Role.ADMIN); // no setup page in the way
        Eventually.await(Duration.ofSeconds(10), "the webgui follows the monitor",
                () -> server.bean(LiveBoard.class).snapshot().streams().stream().anyMatch(s -> s.thumbnail() != null));
    }

    @AfterAll
    static void stop() {
        server.close();
        monitor.close();
        bridge.close();
    }

    @Test
    void withoutASession_theHandshakeIsRefused() {
        assertEquals(401, LiveClient.refusal(server.url(), null, origin()));
    }

    @Test
    void fromAnotherSite_theHandshakeIsRefused_evenWithTheCookie() {
        assertEquals(403, LiveClient.refusal(server.url(), cookie("ann"), "http://evil.example"));
        assertEquals(403, LiveClient.refusal(server.url(), cookie("ann"), null));
    }

    @Test
    void signedIn_fromThisSite_getsTheSnapshot_thenEachChange() throws Exception {
        try (LiveClient live = LiveClient.connect(server.url(), cookie("ann"), origin())) {
            String snapshot = live.next(Duration.ofSeconds(5));
            assertTrue(snapshot.startsWith("[{\"type\":\"snapshot\""), snapshot);
            assertTrue(snapshot.contains("\"name\":\"Gate\",\"state\":\"UP\""), snapshot);
            assertTrue(snapshot.contains("\"uptime24h\":0.9875,\"thumbnail\":\"/live/thumbnails/cam1.jpg\""), snapshot);

            monitor.change("cam1", "Gate", FakeMonitorFeed.streamJson("cam1", "Gate", "DOWN", 2_000L, null,
                    "connection refused"));
            String update = live.next(Duration.ofSeconds(5));
            assertTrue(update.contains("{\"type\":\"stream_state_updated\",\"stream\":{\"id\":\"cam1\",\"name\":\"Gate\","
                    + "\"state\":\"DOWN\""), update);
            assertTrue(update.contains("\"message\":\"connection refused\""), update);
            assertEquals(1, server.bean(LiveHub.class).connections());
        }
    }

    private static String origin() {
        return "http://" + server.url().getAuthority();
    }

    private static String cookie(String user) {
        SessionStore sessions = server.bean(SessionStore.class);
        WebSession session = sessions.signIn(sessions.anonymous(), user, Role.VIEWER);
        return SessionCookies.NAME + "=" + session.id();
    }
}
