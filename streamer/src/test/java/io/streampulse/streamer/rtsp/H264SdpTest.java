package io.streampulse.streamer.rtsp;

import io.streampulse.streamer.encode.AnnexB;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H264SdpTest {

    /** go2rtc pkg/h264/h264_test.go TestAVCCToCodec (anchors.md §2.1): the SPS and PPS from its AVCC bytes. */
    @Test
    void fmtp_matchesGo2rtcVector() {
        byte[] sps = HexFormat.of().parseHex("6764001fac2484014016ec0440000003004000000c23c60c92");
        byte[] pps = HexFormat.of().parseHex("68ee32c8b0");
        assertEquals("packetization-mode=1;profile-level-id=64001F;"
                + "sprop-parameter-sets=Z2QAH6wkhAFAFuwEQAAAAwBAAAAMI8YMkg==,aO4yyLA=", H264Sdp.fmtp(sps, pps));
    }

    @Test
    void describe_hasTheSessionAndTrackLinesClientsNeed() {
        String sdp = H264Sdp.describe("Dashboard", HexFormat.of().parseHex("6742c028"),
                HexFormat.of().parseHex("68ce3c80"), 42, 1);
        assertTrue(sdp.startsWith("v=0\r\no=- 42 1 IN IP4 127.0.0.1\r\ns=Dashboard\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"));
        assertTrue(sdp.contains("m=video 0 RTP/AVP 96\r\na=control:trackID=0\r\na=rtpmap:96 H264/90000\r\n"));
        assertTrue(sdp.contains("profile-level-id=42C028"));
        assertTrue(sdp.contains("\r\na=framerate:1\r\n"));
    }

    @Test
    void annexB_splitsOnThreeAndFourByteStartCodes() {
        byte[] stream = HexFormat.of().parseHex("000000016742c0280000000168ce3c8000000165aabb00");
        assertEquals(3, AnnexB.split(stream).size());
        assertEquals("65aabb00", HexFormat.of().formatHex(AnnexB.split(stream).get(2)));
        assertEquals(AnnexB.NAL_SPS, AnnexB.type(AnnexB.split(stream).get(0)));
    }
}
