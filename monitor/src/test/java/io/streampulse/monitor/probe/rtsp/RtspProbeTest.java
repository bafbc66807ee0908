package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.Status;
import io.streampulse.testkit.GstRtspCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against real gst-rtsp-server cameras: open, Digest-protected and Basic-protected. */
class RtspProbeTest {

    private static RtspProbeRunner runner;
    private static GstRtspCamera open;
    private static GstRtspCamera digest;
    private static GstRtspCamera basic;

    @BeforeAll
    static void start() {
        runner = new RtspProbeRunner();
        open = GstRtspCamera.builder().size(1280, 720).start();
        digest = GstRtspCamera.builder().path("/secure").size(640, 480).digestAuth("admin", "s3cret").start();
        basic = GstRtspCamera.builder().path("/basic").pattern(GstRtspCamera.Pattern.BLACK).size(320, 240)
                .basicAuth("viewer", "pa:ss w0rd").start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {open, digest, basic, runner}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // the others still get closed
            }
        }
    }

    @Test
    void check_openCamera_isUpWithCodecProfileAndResolution() {
        ProbeResult result = runner.check(open.url());

        assertEquals(Status.UP, result.status(), result.toString());
        assertEquals("RTSP 200, H264 Constrained Baseline 1280x720", result.message());
        assertEquals("H264", result.details().get("codec"));
        assertEquals("1280", result.details().get("width"));
        assertEquals("720", result.details().get("height"));
        assertEquals("video H264", result.details().get("tracks"));
        assertEquals("GStreamer RTSP server", result.details().get("server"));
        assertEquals(ProbeResult.CheckKind.RTSP, result.kind());
        assertTrue(result.latencyMs() >= 0 && result.latencyMs() < RtspProbeRunner.TIMEOUT.toMillis(), result.toString());
    }

    @Test
    void check_digestCameraWithRightCredentials_isUp() {
        ProbeResult result = runner.check(digest.url(), "admin", "s3cret");

        assertEquals(Status.UP, result.status(), result.toString());
        assertEquals("RTSP 200, H264 Constrained Baseline 640x480", result.message());
        assertEquals("digest", result.details().get("auth"));
    }

    @Test
    void check_digestCameraWithCredentialsInTheUrl_isUp() {
        ProbeResult result = runner.check(digest.url().replace("rtsp://", "rtsp://admin:s3cret@"), null, null);

        assertEquals(Status.UP, result.status(), result.toString());
        assertTrue(!result.message().contains("s3cret") && !result.details().toString().contains("s3cret"));
    }

    @Test
    void check_digestCameraWithWrongPassword_isDegraded401() {
        ProbeResult result = runner.check(digest.url(), "admin", "wrong-password");

        assertEquals(Status.DEGRADED, result.status(), result.toString());
        assertEquals("RTSP 401 Unauthorized: wrong or missing credentials", result.message());
    }

    @Test
    void check_digestCameraWithoutCredentials_isDegraded401() {
        ProbeResult result = runner.check(digest.url());

        assertEquals(Status.DEGRADED, result.status(), result.toString());
        assertTrue(result.message().startsWith("RTSP 401"), result.message());
        assertEquals("Digest", result.details().get("auth_offered"));
    }

    @Test
    void check_basicCameraWithPasswordContainingColonAndSpace_isUp() {
        ProbeResult result = runner.check(basic.url(), "viewer", "pa:ss w0rd");

        assertEquals(Status.UP, result.status(), result.toString());
        assertEquals("basic", result.details().get("auth"));
        assertEquals("320", result.details().get("width"));
    }

    @Test
    void check_wrongPath_isDegraded404() {
        ProbeResult result = runner.check(open.urlFor("/no-such-stream"));

        assertEquals(Status.DEGRADED, result.status(), result.toString());
        assertEquals("RTSP 404 Not Found: wrong path", result.message());
    }

    @Test
    void check_stoppedCamera_isDownConnectionRefused() {
        try (GstRtspCamera doomed = GstRtspCamera.start()) {
            doomed.stop();

            ProbeResult result = runner.check(doomed.url());

            assertEquals(Status.DOWN, result.status());
            assertEquals("connection refused", result.message());
        }
    }
}
