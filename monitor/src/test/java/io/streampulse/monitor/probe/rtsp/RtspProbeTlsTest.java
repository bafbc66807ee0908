package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.Status;
import io.streampulse.testkit.GstRtspCamera;
import io.streampulse.testkit.TestCertificates;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rtsps:// against a gst-rtsp-server camera with a certificate from a throwaway CA. */
class RtspProbeTlsTest {

    @TempDir
    static Path certDir;
    private static TestCertificates.Certs certs;
    private static GstRtspCamera camera;
    private static RtspProbeRunner jdkTrust;
    private static RtspProbeRunner testCaTrust;

    @BeforeAll
    static void start() {
        certs = TestCertificates.generate(certDir);
        camera = GstRtspCamera.builder().tls(certs).start();
        jdkTrust = new RtspProbeRunner();
        testCaTrust = new RtspProbeRunner(RtspProbeOptions.defaults()
                .withTrust(TestCertificates.trustManagerFactory(certs.caCert())));
    }

    @AfterAll
    static void stop() {
        jdkTrust.close();
        testCaTrust.close();
        camera.close();
    }

    @Test
    void check_trustedCertificateMatchingHost_isUp() {
        ProbeResult result = testCaTrust.check(camera.url());

        assertEquals(Status.UP, result.status(), result.toString());
        assertEquals("RTSP 200, H264 Constrained Baseline 640x480", result.message());
    }

    @Test
    void check_certificateFromUnknownCa_isDownNotTrusted() {
        ProbeResult result = jdkTrust.check(camera.url());

        assertEquals(Status.DOWN, result.status());
        assertEquals("TLS certificate not trusted", result.message());
    }

    @Test
    void check_unknownCaWithVerificationOff_isUp() {
        ProbeResult result = jdkTrust.check(camera.url(), null, null, RtspProbeRunner.TIMEOUT, false);

        assertEquals(Status.UP, result.status(), result.toString());
    }

    @Test
    void check_certificateForAnotherHost_isDownHostMismatch() {
        TestCertificates.Certs other = TestCertificates.generate(certDir.resolve("other"), "DNS:camera.example");
        try (GstRtspCamera misnamed = GstRtspCamera.builder().tls(other).start();
             RtspProbeRunner trustingOtherCa = new RtspProbeRunner(RtspProbeOptions.defaults()
                     .withTrust(TestCertificates.trustManagerFactory(other.caCert())))) {
            ProbeResult result = trustingOtherCa.check(misnamed.url());

            assertEquals(Status.DOWN, result.status(), result.toString());
            assertEquals("TLS certificate does not match the host", result.message());
        }
    }

    @Test
    void check_rtspAgainstTlsCamera_isDown() {
        ProbeResult result = testCaTrust.check(camera.url().replace("rtsps://", "rtsp://"));

        assertEquals(Status.DOWN, result.status(), result.toString());
        // gst-rtsp-server resets a connection that does not start with a TLS ClientHello
        assertEquals("connection reset by server", result.message());
    }

    @Test
    void check_rtspsAgainstPlainCamera_isDownTls() {
        try (GstRtspCamera plain = GstRtspCamera.start()) {
            ProbeResult result = testCaTrust.check(plain.url().replace("rtsp://", "rtsps://"));

            assertEquals(Status.DOWN, result.status(), result.toString());
            assertEquals("TLS handshake failed: server does not speak TLS (use rtsp://)", result.message());
        }
    }
}
