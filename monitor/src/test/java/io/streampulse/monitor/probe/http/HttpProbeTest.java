package io.streampulse.monitor.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.Status;
import io.streampulse.monitor.probe.ProbeTarget;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.MjpegServer;
import io.streampulse.testkit.MjpegServerExtension;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HttpProbe} against a real HTTP server serving real ffmpeg JPEGs ({@link MjpegServer}). */
class HttpProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final MjpegServerExtension CAMERA = new MjpegServerExtension();

    private final MjpegServer camera = CAMERA.server();
    private final HttpProbe probe = new HttpProbe();

    @Test
    void check_movingMjpeg_upWithTheFrameSizeAndDisconnects() {
        ProbeResult result = check(target(camera.url("/moving.mjpg")));

        assertEquals(Status.UP, result.status(), result.message());
        assertEquals("HTTP 200 MJPEG, 320x240 frame", result.message());
        assertEquals("multipart/x-mixed-replace", result.details().get("content_type"));
        assertEquals("320", result.details().get("width"));
        assertEquals("240", result.details().get("height"));
        assertTrue(Long.parseLong(result.details().get("bytes")) < 64 * 1024, "read one picture, not the stream");
        Eventually.await(Duration.ofSeconds(3), "the camera to see the probe hang up", () -> camera.openStreams() == 0);
    }

    @Test
    void check_snapshot_upWithTheSize() {
        ProbeResult result = check(target(camera.url("/snapshot.jpg")));

        assertEquals(Status.UP, result.status(), result.message());
        assertEquals("HTTP 200 snapshot 320x240", result.message());
        assertEquals("image/jpeg", result.details().get("content_type"));
    }

    @Test
    void check_htmlPageAnswering200_degradedNotAVideoStream() {
        ProbeResult result = check(target(camera.url("/page.html")));

        assertEquals(Status.DEGRADED, result.status());
        assertEquals("not a video stream (text/html)", result.message());
    }

    @Test
    void check_streamStallingMidPicture_degradedWithinTheTimeout() {
        ProbeResult result = check(new ProbeTarget("cam", camera.url("/truncated.mjpg"), null, null,
                Duration.ofMillis(800), true));

        assertEquals(Status.DEGRADED, result.status());
        assertTrue(result.message().startsWith("no complete JPEG within 800 ms (received "), result.message());
        assertTrue(result.latencyMs() < 1500, "answered at the deadline, took " + result.latencyMs() + " ms");
    }

    @Test
    void check_pictureLargerThanTheByteBudget_degradedNoCompleteJpeg() {
        ProbeResult result = new HttpProbe(4096, HttpProbe.DEFAULT_CONNECT_TIMEOUT)
                .check(target(camera.url("/moving.mjpg"))).join();

        assertEquals(Status.DEGRADED, result.status());
        assertEquals("no complete JPEG in the first 4 KiB", result.message());
    }

    @Test
    void check_authStreamWithoutCredentials_degraded401() {
        ProbeResult result = check(target(camera.url("/auth.mjpg")));

        assertEquals(Status.DEGRADED, result.status());
        assertEquals("HTTP 401 Unauthorized: credentials required", result.message());
    }

    @Test
    void check_authStreamWithWrongPassword_degraded401WithoutThePassword() {
        ProbeResult result = check(new ProbeTarget("cam", camera.url("/auth.mjpg"), MjpegServer.USER, "hunter2",
                TIMEOUT, true));

        assertEquals("HTTP 401 Unauthorized: wrong credentials", result.message());
        assertFalse(result.toString().contains("hunter2"), result.toString());
    }

    @Test
    void check_authStreamWithCredentials_up() {
        ProbeResult result = check(new ProbeTarget("cam", camera.url("/auth.mjpg"), MjpegServer.USER,
                MjpegServer.PASSWORD, TIMEOUT, true));

        assertEquals(Status.UP, result.status(), result.message());
        assertEquals("HTTP 200 MJPEG, 320x240 frame", result.message());
    }

    @Test
    void check_redirect_followedToTheStream() {
        ProbeResult result = check(target(camera.url("/redirect")));

        assertEquals(Status.UP, result.status(), result.message());
        assertEquals("1", result.details().get("redirects"));
    }

    @Test
    void check_redirectToAnotherOrigin_credentialsStayBehind() {
        ProbeResult result = check(new ProbeTarget("cam", camera.url("/redirect-elsewhere"), MjpegServer.USER,
                MjpegServer.PASSWORD, TIMEOUT, true));

        assertEquals("HTTP 401 Unauthorized: credentials required", result.message(),
                "localhost is not the configured 127.0.0.1 origin, so no Authorization header went there");
    }

    @Test
    void check_missingPath_degraded404() {
        ProbeResult result = check(target(camera.url("/nothing-here.mjpg")));

        assertEquals(Status.DEGRADED, result.status());
        assertEquals("HTTP 404 Not Found", result.message());
    }

    @Test
    void check_selfSignedHttpsWhileVerifying_downCertificateNotTrusted() {
        ProbeResult result = check(target(camera.httpsUrl("/moving.mjpg")));

        assertEquals(Status.DOWN, result.status());
        assertEquals("TLS: certificate not trusted (set tls_verify: false to accept it)", result.message());
    }

    @Test
    void check_selfSignedHttpsWithTlsVerifyOff_up() {
        ProbeResult result = check(new ProbeTarget("cam", camera.httpsUrl("/moving.mjpg"), null, null, TIMEOUT, false));

        assertEquals(Status.UP, result.status(), result.message());
        assertEquals("HTTP 200 MJPEG, 320x240 frame", result.message());
    }

    @Test
    void check_serverThatNeverAnswers_downAtTheTimeout() {
        long start = System.nanoTime();
        ProbeResult result = check(new ProbeTarget("cam", camera.url("/stall"), null, null, Duration.ofMillis(700), true));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(Status.DOWN, result.status());
        assertEquals("timeout after 700 ms", result.message());
        assertTrue(tookMs >= 650 && tookMs < 1500, "answered at the deadline, took " + tookMs + " ms");
    }

    @Test
    void check_closedPort_downConnectionRefused() {
        ProbeResult result = check(target(URI.create("http://127.0.0.1:" + FreePorts.next() + "/video.mjpg")));

        assertEquals(Status.DOWN, result.status());
        assertEquals("connection refused", result.message());
    }

    @Test
    void check_rtspUrl_downNotHttp() {
        ProbeResult result = check(target(URI.create("rtsp://127.0.0.1:554/stream")));

        assertEquals(Status.DOWN, result.status());
        assertEquals("not an HTTP(S) URL", result.message());
    }

    private ProbeResult check(ProbeTarget target) {
        return probe.check(target).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static ProbeTarget target(URI url) {
        return new ProbeTarget("cam", url, null, null, TIMEOUT, true);
    }
}
