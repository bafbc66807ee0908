package io.streampulse.streamer.engine;

import io.streampulse.streamer.Cards;
import io.streampulse.streamer.feed.FixedSensorFeed;
import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.feed.SensorCard;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard played by the real ffprobe and ffmpeg over TCP and UDP. */
class DashboardRtspTest {

    private static final FixedSensorFeed FEED = new FixedSensorFeed(FeedSnapshot.of(Cards.quiet(8)));
    private static Dashboard dashboard;
    private static String base;

    @BeforeAll
    static void start() throws InterruptedException {
        int port = FreePorts.next();
        dashboard = new Dashboard(new DashboardSettings("Test site", 1920, 1080, 1, 10_000, "yolink-dashboard", port,
                60_000, "", "", ZoneOffset.UTC), FEED);
        dashboard.start();
        base = "rtsp://127.0.0.1:" + port + "/yolink-dashboard";
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void ffprobe_tcpAndUdp_reportH264AtEachProfileSize() throws IOException, InterruptedException {
        assertEquals("h264,1920,1080", FfmpegClient.probe(base, "tcp"));
        assertEquals("h264,1920,1080", FfmpegClient.probe(base + "_main", "udp"));
        assertEquals("h264,1280,720", FfmpegClient.probe(base + "_sub", "tcp"));
        assertEquals("h264,1280,720", FfmpegClient.probe(base + "_sub", "udp"));
    }

    @Test
    void ffmpeg_newClientDecodesAPictureAtOnce() throws IOException, InterruptedException {
        long started = System.nanoTime();
        byte[] frame = FfmpegClient.firstFrame(base, "tcp");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(FfmpegClient.mostlyRed(frame));
        assertTrue(millis < 2_000, "first picture after " + millis + " ms");
    }

    @Test
    void ffmpeg_alarmShowsRedWithinAboutOneFrameInterval() throws IOException, InterruptedException {
        Process decoder = FfmpegClient.decoder(base + "_sub", "tcp", 0);
        try {
            assertFalse(FfmpegClient.mostlyRed(FfmpegClient.nextFrame(decoder.getInputStream())));
            List<SensorCard> cards = new ArrayList<>(Cards.quiet(8));
            cards.set(0, Cards.door("d0", "Front door", true));
            long raised = System.nanoTime();
            FEED.set(cards);
            byte[] frame;
            do {
                frame = FfmpegClient.nextFrame(decoder.getInputStream());
                assertEquals(FfmpegClient.THUMB_WIDTH * FfmpegClient.THUMB_HEIGHT * 3, frame.length);
            } while (!FfmpegClient.mostlyRed(frame));
            long millis = (System.nanoTime() - raised) / 1_000_000;
            // one frame interval (1 s) plus the client's decode; without the follow-up frames FFmpeg shows it after 2 s
            assertTrue(millis < 1_800, "red after " + millis + " ms");
        } finally {
            decoder.destroyForcibly();
            FEED.set(Cards.quiet(8));
        }
    }
}
