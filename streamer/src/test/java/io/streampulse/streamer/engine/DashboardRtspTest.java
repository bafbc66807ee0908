package io.streampulse.streamer.engine;

import io.streampulse.streamer.Cards;
import io.streampulse.streamer.feed.FixedSensorFeed;
import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.feed.SensorCard;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard played by the real ffprobe and ffmpeg over TCP and UDP, and by GStreamer's rtspsrc. */
class DashboardRtspTest {

    private static final FixedSensorFeed FEED = new FixedSensorFeed(FeedSnapshot.of(Cards.quiet(8)));
    private static Dashboard dashboard;
    private static String base;
    private static int port;

    @BeforeAll
    static void start() throws InterruptedException {
        port = FreePorts.next();
        dashboard = new Dashboard(new DashboardSettings("Test site", 1920, 1080, 1, 10_000, "yolink-dashboard", port,
                60_000, "", "", ZoneOffset.UTC), FEED);
        dashboard.start();
        base = "rtsp://127.0.0.1:" + port + "/yolink-dashboard";
        // DESCRIBE answers 503 until the first keyframe gave the SDP its parameter sets
        Eventually.await(Duration.ofSeconds(10), "the first encoded frame", () -> dashboard.frames().stats().frames(),
                frames -> frames > 0);
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
    void gstreamerRtspsrc_playsAndDecodesTheSubProfile() throws IOException, InterruptedException {
        Path script = Files.createTempFile("gst_rtsp_play", ".py");
        try (InputStream in = DashboardRtspTest.class.getResourceAsStream("gst_rtsp_play.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process gst = new ProcessBuilder("/usr/bin/python3", script.toString(), base + "_sub", "3")
                .redirectErrorStream(true).start();
        try {
            String output = new String(gst.getInputStream().readAllBytes());
            assertTrue(gst.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, gst.exitValue(), output);
            assertTrue(output.startsWith("1280x720"), output);
        } finally {
            gst.destroyForcibly();
            Files.deleteIfExists(script);
        }
    }

    @Test
    void tenClientsAtOnce_eachDecodesAPicture() throws IOException, InterruptedException {
        List<Process> decoders = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                decoders.add(FfmpegClient.decoder(i % 3 == 0 ? base + "_sub" : base, i % 2 == 0 ? "tcp" : "udp", 1));
            }
            for (Process decoder : decoders) {
                assertEquals(FfmpegClient.THUMB_WIDTH * FfmpegClient.THUMB_HEIGHT * 3,
                        FfmpegClient.nextFrame(decoder.getInputStream()).length);
            }
        } finally {
            decoders.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void malformedRequests_getErrorAnswers_andTheServerKeepsServing() throws IOException, InterruptedException {
        try (RawRtspClient client = new RawRtspClient(port)) {
            assertTrue(client.exchange("OPTIONS " + base + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                    .contains("Public: OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN"));
            assertTrue(client.exchange("DESCRIBE rtsp://127.0.0.1/nope RTSP/1.0\r\nCSeq: 2\r\n\r\n")
                    .startsWith("RTSP/1.0 404"));
            assertTrue(client.exchange("RECORD " + base + " RTSP/1.0\r\nCSeq: 3\r\n\r\n")
                    .startsWith("RTSP/1.0 501"));
            assertTrue(client.exchange("PLAY " + base + " RTSP/1.0\r\nCSeq: 4\r\n\r\n").startsWith("RTSP/1.0 455"));
            assertTrue(client.exchange("SETUP " + base + "/trackID=0 RTSP/1.0\r\nCSeq: 5\r\nTransport: "
                    + "RTP/AVP;multicast\r\n\r\n").startsWith("RTSP/1.0 461"));
            assertTrue(client.exchange("GARBAGE\r\n\r\n").startsWith("RTSP/1.0 400"));
        }
        try (RawRtspClient client = new RawRtspClient(port)) {
            assertTrue(client.exchange("OPTIONS " + base + " RTSP/1.0\r\n" + "X: y\r\n".repeat(3_000))
                    .startsWith("RTSP/1.0 400"));
        }
        assertEquals("h264,1920,1080", FfmpegClient.probe(base, "tcp"));
    }

    @Test
    void aStalledClient_doesNotHoldBackAPlayingOne() throws IOException, InterruptedException {
        try (RawRtspClient stalled = new RawRtspClient(port)) {
            stalled.exchange("DESCRIBE " + base + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            String setup = stalled.exchange("SETUP " + base + "/trackID=0 RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
            String session = RawRtspClient.header(setup, "Session").split(";")[0];
            stalled.exchange("PLAY " + base + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\n\r\n");
            // the stalled client never reads again; a keyframe every few seconds fills its socket buffers
            Process decoder = FfmpegClient.decoder(base, "tcp", 0);
            try {
                for (int i = 0; i < 4; i++) {
                    assertEquals(FfmpegClient.THUMB_WIDTH * FfmpegClient.THUMB_HEIGHT * 3,
                            FfmpegClient.nextFrame(decoder.getInputStream()).length);
                }
            } finally {
                decoder.destroyForcibly();
            }
        }
    }

    @Test
    void ffmpeg_newClientDecodesAPictureAtOnce() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process decoder = FfmpegClient.decoder(base, "tcp", 0);
        try {
            assertEquals(FfmpegClient.THUMB_WIDTH * FfmpegClient.THUMB_HEIGHT * 3,
                    FfmpegClient.nextFrame(decoder.getInputStream()).length);
        } finally {
            decoder.destroyForcibly();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // FFmpeg's default probing: 0.2-0.5 s on a quiet machine, 2.7 s seen at load 25 on 2 cores (bench/streamer
        // measures it); without VUI timing, the SDP's a=framerate and enough units at once it took 5-20 s
        assertTrue(millis < 4_000, "first picture after " + millis + " ms");
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
            // redraw at once + follow-up frames: about 0.2-0.9 s here; the bound leaves room for a machine loaded by
            // parallel builds (load 15 on 2 cores measured 1.9 s); the old 1-tick-plus-2-frames path takes up to 3 s
            assertTrue(millis < 2_500, "red after " + millis + " ms");
        } finally {
            decoder.destroyForcibly();
            FEED.set(Cards.quiet(8));
        }
    }
}
