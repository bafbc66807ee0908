package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.Status;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.SilentServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Servers that hang, refuse, reset or speak something else; and what the probe puts on the wire. */
class RtspProbeFailureTest {

    private static final Duration SHORT = Duration.ofMillis(1500);
    private static RtspProbeRunner runner;

    @BeforeAll
    static void start() {
        runner = new RtspProbeRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void check_hungCamera_isDownAtTheTimeoutNotLater() {
        try (SilentServer hung = SilentServer.start()) {
            ProbeResult result = runner.check(url(hung.port()), null, null, SHORT, true);

            assertEquals(Status.DOWN, result.status());
            assertEquals("timeout after 1500 ms waiting for the OPTIONS answer", result.message());
            assertTrue(result.latencyMs() >= 1500 && result.latencyMs() <= 2500, "latency " + result.latencyMs());
            Eventually.await(Duration.ofSeconds(2), "the probe to close its connection", () -> hung.openConnections() == 0);
        }
    }

    @Test
    void check_credentialsInUrl_neverReachTheWire() {
        try (SilentServer hung = SilentServer.start()) {
            runner.check("rtsp://admin:s3cret@127.0.0.1:" + hung.port() + "/Streaming/Channels/101?ch=1",
                    null, null, Duration.ofMillis(500), true);

            String sent = Eventually.await(Duration.ofSeconds(2), "the OPTIONS request", hung::received,
                    r -> r.endsWith("\r\n\r\n"));
            assertTrue(sent.startsWith("OPTIONS rtsp://127.0.0.1:" + hung.port() + "/Streaming/Channels/101?ch=1 RTSP/1.0\r\n"
                    + "CSeq: 1\r\nUser-Agent: StreamPulse\r\n"), sent);
            assertFalse(sent.contains("s3cret") || sent.contains("admin"), sent);
        }
    }

    @Test
    void check_nothingListening_isDownConnectionRefused() {
        ProbeResult result = runner.check(url(FreePorts.next()));

        assertEquals(Status.DOWN, result.status());
        assertEquals("connection refused", result.message());
        assertTrue(result.latencyMs() < 1000, "refusal is immediate: " + result.latencyMs());
    }

    @Test
    void check_serverResetsEveryConnection_isDown() {
        try (SilentServer resetting = SilentServer.resetting()) {
            ProbeResult result = runner.check(url(resetting.port()));

            assertEquals(Status.DOWN, result.status());
            assertTrue(result.message().equals("connection reset by server")
                    || result.message().equals("connection closed by server without an answer"), result.message());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", "HTTP/1.1 400 Bad Request"})
    void check_otherTextProtocol_isDownNotAnRtspServerWithItsFirstLine(String firstLine) {
        try (SilentServer other = SilentServer.answering(bytes(firstLine + "\r\n\r\n"))) {
            ProbeResult result = runner.check(url(other.port()));

            assertEquals(Status.DOWN, result.status());
            assertEquals("not an RTSP server: '" + firstLine + "'", result.message());
        }
    }

    @Test
    void check_tlsPortProbedAsRtsp_isDownAndSaysUseRtsps() {
        // a TLS alert record (fatal, protocol_version) where an RTSP status line was expected
        try (SilentServer tls = SilentServer.answering(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46})) {
            ProbeResult result = runner.check(url(tls.port()));

            assertEquals("not an RTSP server: it speaks TLS (use rtsps://)", result.message());
        }
    }

    @Test
    void check_audioOnlyCamera_isDegradedNoVideoTrack() {
        String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Intercom\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        // both answers up front: the decoder hands them over in order, one per request
        try (SilentServer intercom = SilentServer.answering(bytes("RTSP/1.0 200 OK\r\nCSeq: 1\r\n"
                + "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n"
                + "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length()
                + "\r\n\r\n" + sdp))) {
            ProbeResult result = runner.check(url(intercom.port()));

            assertEquals(Status.DEGRADED, result.status(), result.toString());
            assertEquals("RTSP 200, no video track in SDP (audio only)", result.message());
            assertEquals("audio PCMU", result.details().get("tracks"));
        }
    }

    @Test
    void check_notAnRtspUrl_isDownWithoutConnecting() {
        ProbeResult result = runner.check("http://127.0.0.1/cam");

        assertEquals(Status.DOWN, result.status());
        assertEquals("invalid RTSP URL: not an rtsp:// or rtsps:// URL (scheme 'http')", result.message());
    }

    private static String url(int port) {
        return "rtsp://127.0.0.1:" + port + "/cam";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
