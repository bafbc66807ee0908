package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DESCRIBE bodies from the test camera and from camera styles seen in the field (vectors/rtsp/). */
class SdpSummaryTest {

    @Test
    void parse_gstreamerCamera_findsH264FromTheSps() {
        SdpSummary sdp = SdpSummary.parse(vector("gstreamer-1280x720.sdp"));

        VideoFormat video = sdp.video().orElseThrow();
        assertEquals("H264 Constrained Baseline 1280x720", video.summary());
        assertEquals("3.1", video.level());
        assertEquals("video H264", sdp.describeTracks());
    }

    @Test
    void parse_hikvisionStyle_prefersSpsOverWrongProfileLevelId() {
        // profile-level-id says 420029 (Baseline 4.1); the SPS, which the decoder uses, says Main 4.2
        SdpSummary sdp = SdpSummary.parse(vector("hikvision-style-1080p-pcma.sdp"));

        VideoFormat video = sdp.video().orElseThrow();
        assertEquals("H264 Main 1920x1080", video.summary());
        assertEquals("4.2", video.level());
        assertEquals("video H264, audio PCMA", sdp.describeTracks());
    }

    @Test
    void parse_audioOnly_hasNoVideo() {
        SdpSummary sdp = SdpSummary.parse(vector("handwritten-audio-only-pcmu-aac.sdp"));

        assertTrue(sdp.video().isEmpty());
        assertEquals("audio PCMU, audio MPEG4-GENERIC", sdp.describeTracks());
    }

    @Test
    void parse_staticPayload26WithoutRtpmap_isMjpegWithFramesize() {
        VideoFormat video = SdpSummary.parse(vector("handwritten-mjpeg-payload-26.sdp")).video().orElseThrow();

        assertEquals("MJPEG 640x480", video.summary());
        assertNull(video.profile());
    }

    @Test
    void parse_h265_namesTheCodecOnly() {
        VideoFormat video = SdpSummary.parse(vector("handwritten-h265.sdp")).video().orElseThrow();

        assertEquals("H265", video.summary());
        assertFalse(video.hasResolution());
    }

    @Test
    void parse_profileLevelIdWithoutSps_givesProfileButNoSize() {
        VideoFormat video = SdpSummary.parse("v=0\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
                + "a=fmtp:96 packetization-mode=1;profile-level-id=640028\n").video().orElseThrow();

        assertEquals("H264 High", video.summary());
        assertEquals("4", video.level());
    }

    @Test
    void parse_brokenSpropParameterSets_fallsBackToProfileLevelId() {
        VideoFormat video = SdpSummary.parse("m=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
                + "a=fmtp:96 sprop-parameter-sets=!!!,Z2QA;profile-level-id=4d401f\n").video().orElseThrow();

        assertEquals("H264 Main", video.summary());
    }

    @Test
    void parse_garbage_hasNoMediaAndDoesNotThrow() {
        SdpSummary html = SdpSummary.parse("<html><body>401 Unauthorized</body></html>");
        SdpSummary binary = SdpSummary.parse("\u0000\u00ff=\nm=\n\n=x");

        assertTrue(html.media().isEmpty());
        assertTrue(html.video().isEmpty());
        assertTrue(binary.video().isEmpty());
    }

    private static String vector(String name) {
        try (InputStream in = SdpSummaryTest.class.getResourceAsStream("/vectors/rtsp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
