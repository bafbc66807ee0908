package io.streampulse.monitor.probe.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.Status;
import io.streampulse.monitor.probe.ProbeTarget;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.MjpegServer;
import io.streampulse.testkit.MjpegServerExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link FrameProbe} with the real FFmpeg decoder on real MJPEG streams from {@link MjpegServer}. */
class FrameProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final MjpegServerExtension CAMERA = new MjpegServerExtension();

    private final MjpegServer camera = CAMERA.server();

    @TempDir
    Path dataDir;
    private ThreadPoolExecutor pool;
    private FrameProbe probe;

    @BeforeEach
    void createProbe() {
        pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        probe = new FrameProbe(new FrameGrabber(pool), new FrozenDetector(3), new ThumbnailStore(dataDir));
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void check_movingStream_upAndTheThumbnailIsARealPicture() throws IOException {
        ProbeResult result = check("/moving.mjpg");

        assertEquals(Status.UP, result.status(), result.message());
        assertEquals("frame 320x240 decoded", result.message());
        assertEquals("mjpeg", result.details().get("codec"));
        Path thumbnail = dataDir.resolve("thumbnails").resolve("cam.jpg");
        assertEquals(thumbnail.toString(), result.details().get("thumbnail"));
        BufferedImage picture = ImageIO.read(thumbnail.toFile());
        assertEquals(320, picture.getWidth());
        assertEquals(240, picture.getHeight());
        assertTrue(FrameStats.of(LumaPlane.of(picture)).lumaVariance() > 1000, "testsrc's colour bars, not a grey fill");
    }

    @Test
    void check_movingStreamThreeTimes_staysUp() {
        for (int i = 1; i <= 3; i++) {
            ProbeResult result = check("/moving.mjpg");
            assertEquals(Status.UP, result.status(), "check " + i + ": " + result.message());
        }
    }

    @Test
    void check_blackStream_degradedBlack() {
        ProbeResult result = check("/black.mjpg");

        assertEquals(Status.DEGRADED, result.status());
        assertEquals("black picture (mean luma 0)", result.message());
        assertTrue(dataDir.resolve("thumbnails").resolve("cam.jpg").toFile().isFile(), "black is still a thumbnail");
    }

    @Test
    void check_frozenStream_upTwiceThenDegradedFrozen() {
        assertEquals(Status.UP, check("/frozen.mjpg").status(), "first check");
        assertEquals(Status.UP, check("/frozen.mjpg").status(), "second check");

        ProbeResult third = check("/frozen.mjpg");

        assertEquals(Status.DEGRADED, third.status());
        assertEquals("frozen: the picture has not changed in 3 frame checks", third.message());
    }

    @Test
    void check_streamNeedingCredentials_upWithThemDownWithout() {
        ProbeTarget withCredentials = new ProbeTarget("cam", camera.url("/auth.mjpg"), MjpegServer.USER,
                MjpegServer.PASSWORD, TIMEOUT, true);

        assertEquals(Status.UP, probe.check(withCredentials).join().status(), "password with a ':' percent-encoded");
        ProbeResult without = check("/auth.mjpg");
        assertEquals(Status.DOWN, without.status());
        assertEquals("cannot open: Server returned 401 Unauthorized (authorization failed)", without.message());
    }

    @Test
    void check_selfSignedHttps_downWhenVerifyingUpWhenNot() {
        ProbeResult verifying = probe.check(new ProbeTarget("cam", camera.httpsUrl("/moving.mjpg"), null, null,
                TIMEOUT, true)).join();
        ProbeResult trusting = probe.check(new ProbeTarget("cam", camera.httpsUrl("/moving.mjpg"), null, null,
                TIMEOUT, false)).join();

        assertEquals(Status.DOWN, verifying.status());
        assertTrue(verifying.message().contains("tls_verify: false"), verifying.message());
        assertEquals(Status.UP, trusting.status(), trusting.message());
    }

    @Test
    void check_closedPort_downQuickly() {
        ProbeResult result = probe.check(target(URI.create("http://127.0.0.1:" + FreePorts.next() + "/video.mjpg"),
                TIMEOUT)).join();

        assertEquals(Status.DOWN, result.status());
        assertEquals("cannot open: Connection refused", result.message());
        assertTrue(result.latencyMs() < 2000, "took " + result.latencyMs() + " ms");
    }

    @Test
    void check_serverThatNeverAnswers_downAtTheDeadlineAndThePoolRecovers() {
        long start = System.nanoTime();
        ProbeResult hung = probe.check(target(camera.url("/stall"), Duration.ofMillis(1500))).join();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(Status.DOWN, hung.status());
        assertEquals("timeout after 1500 ms", hung.message());
        assertTrue(tookMs < 2500, "the deadline is hard: took " + tookMs + " ms");
        Eventually.await(Duration.ofSeconds(5), "FFmpeg's own timeout to free the pool's only thread",
                () -> pool.getActiveCount() == 0);
        assertEquals(Status.UP, check("/moving.mjpg").status(), "the pool decodes again");
    }

    @Test
    void check_rtspCameraThatNeverAnswers_downAtTheDeadline() throws IOException {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
            ProbeResult result = probe.check(target(URI.create("rtsp://127.0.0.1:" + silent.getLocalPort() + "/live"),
                    Duration.ofMillis(1000))).join();

            assertEquals(Status.DOWN, result.status());
            assertEquals("timeout after 1000 ms", result.message());
            Eventually.await(Duration.ofSeconds(5), "the RTSP open to give up", () -> pool.getActiveCount() == 0);
        }
    }

    private ProbeResult check(String path) {
        return probe.check(target(camera.url(path), TIMEOUT)).join();
    }

    private static ProbeTarget target(URI url, Duration timeout) {
        return new ProbeTarget("cam", url, null, null, timeout, true);
    }
}
