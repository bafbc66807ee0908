package io.streampulse.streamer.engine;

import io.streampulse.streamer.Cards;
import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.feed.FixedSensorFeed;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dashboard with a user: ffprobe gets in with the right password (Digest), not without; idle sessions expire. */
class DashboardRtspAuthTest {

    private static Dashboard dashboard;
    private static int port;

    @BeforeAll
    static void start() throws InterruptedException {
        port = FreePorts.next();
        dashboard = new Dashboard(new DashboardSettings("Auth site", 640, 360, 1, 10_000, "cam", port, 2_000,
                "viewer", "pa55", ZoneOffset.UTC), new FixedSensorFeed(FeedSnapshot.of(Cards.quiet(3))));
        dashboard.start();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void ffprobe_withCredentials_playsBothProfiles() throws IOException, InterruptedException {
        assertEquals("h264,640,360", FfmpegClient.probe("rtsp://viewer:pa55@127.0.0.1:" + port + "/cam", "tcp"));
        assertEquals("h264,640,360", FfmpegClient.probe("rtsp://viewer:pa55@127.0.0.1:" + port + "/cam_sub", "udp"));
    }

    @Test
    void wrongOrNoCredentials_get401WithBothChallenges() throws IOException, InterruptedException {
        assertTrue(FfmpegClient.probe("rtsp://viewer:wrong@127.0.0.1:" + port + "/cam", "tcp").contains("401"));
        try (RawRtspClient client = new RawRtspClient(port)) {
            String head = client.exchange("DESCRIBE rtsp://127.0.0.1:" + port + "/cam RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertTrue(head.startsWith("RTSP/1.0 401"), head);
            assertTrue(head.contains("WWW-Authenticate: Digest realm=\"StreamPulse\""), head);
            assertTrue(head.contains("WWW-Authenticate: Basic realm=\"StreamPulse\""), head);
        }
    }

    @Test
    void aSessionWithoutKeepalive_isClosedAfterTheTimeout() throws IOException {
        try (RawRtspClient client = new RawRtspClient(port)) {
            String options = client.exchange("OPTIONS rtsp://127.0.0.1:" + port + "/cam RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertTrue(options.startsWith("RTSP/1.0 200"));
            long started = System.nanoTime();
            // no further request: the server closes the connection once the 2 s session timeout passed
            assertEquals("", client.exchange(""));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis >= 1_500 && millis < 4_900, "closed after " + millis + " ms");
        }
    }
}
