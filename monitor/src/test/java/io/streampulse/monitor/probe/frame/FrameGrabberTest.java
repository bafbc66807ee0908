package io.streampulse.monitor.probe.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streampulse.monitor.probe.ProbeTarget;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FFmpeg options and URL {@link FrameGrabber} opens with (decoding itself: {@link FrameProbeTest}). */
class FrameGrabberTest {

    @Test
    void options_rtsp_socketTimeoutInMicrosecondsOverTcpVideoOnly() {
        Map<String, String> options = FrameGrabber.options("rtsp", 2_500_000, false);

        assertEquals("2500000", options.get("timeout"));
        assertEquals("tcp", options.get("rtsp_transport"));
        assertEquals("video", options.get("allowed_media_types"));
        assertFalse(options.containsKey("rw_timeout"), "rw_timeout does not end a hung RTSP open");
    }

    @Test
    void options_https_readWriteTimeoutAndCertificateVerification() {
        Map<String, String> options = FrameGrabber.options("https", 1_000_000, true);

        assertEquals("1000000", options.get("rw_timeout"));
        assertEquals("1", options.get("tls_verify"));
        assertEquals("/etc/ssl/certs/ca-certificates.crt", options.get("ca_file"));
    }

    @Test
    void options_plainHttp_noTlsOptions() {
        assertFalse(FrameGrabber.options("http", 1_000_000, true).containsKey("tls_verify"));
    }

    @Test
    void ffmpegUrl_credentialsWithReservedCharacters_percentEncodedIntoUserInfo() {
        ProbeTarget target = new ProbeTarget("cam", URI.create("rtsp://10.0.0.5:554/Streaming/101"), "admin",
                "p@ss:w/rd é", Duration.ofSeconds(5), true);

        assertEquals("rtsp://admin:p%40ss%3Aw%2Frd%20%C3%A9@10.0.0.5:554/Streaming/101", FrameGrabber.ffmpegUrl(target));
    }

    @Test
    void ffmpegUrl_noCredentials_urlUnchanged() {
        ProbeTarget target = new ProbeTarget("cam", URI.create("http://cam.local/video.mjpg"), null, null,
                Duration.ofSeconds(5), true);

        assertEquals("http://cam.local/video.mjpg", FrameGrabber.ffmpegUrl(target));
    }

    @Test
    void ffmpegUrl_urlWithItsOwnUserInfo_replacedByTheStreamsCredentials() {
        ProbeTarget target = new ProbeTarget("cam", URI.create("rtsp://old:secret@cam.local/live"), "viewer", "new",
                Duration.ofSeconds(5), true);

        assertEquals("rtsp://viewer:new@cam.local/live", FrameGrabber.ffmpegUrl(target));
    }
}
