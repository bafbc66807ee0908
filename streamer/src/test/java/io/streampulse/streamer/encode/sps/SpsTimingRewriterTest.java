package io.streampulse.streamer.encode.sps;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPS vectors from OpenH264 (javacv's libavcodec: VUI with a bitstream restriction but no timing) and x264 (Debian's
 * ffmpeg: VUI with timing), parsed back. Expected values are what FFmpeg's trace_headers filter reads in them.
 */
class SpsTimingRewriterTest {

    static final byte[] OPENH264_1080P = hex("6742c0288c680780227e5807844235");
    static final byte[] OPENH264_720P = hex("6742c01f8c6805005ba01e1108d4");
    /** x264 Baseline and High at 1280×720 25 fps: VUI with timing (1/50) and a bitstream restriction. */
    static final byte[] X264_BASELINE_720P = hex("6742c01fd9005005bb011000000300100000030320f1832480");
    static final byte[] X264_HIGH_720P = hex("6764001facd9405005bb011000000300100000030320f1831960");

    @Test
    void parse_openH264_vuiWithoutTiming() {
        Sps sps = SpsParser.parse(OPENH264_1080P);
        assertEquals(66, sps.profileIdc());
        assertEquals(40, sps.levelIdc());
        assertEquals(1920, sps.width());
        assertEquals(1080, sps.height(), "1088 coded rows cropped by 4 × 2");
        assertEquals(1, sps.maxNumRefFrames());
        assertEquals(84, sps.vuiFlagBit() + 8, "bit 84 of the NAL unit");
        assertTrue(sps.vuiPresent());
        assertNull(sps.timing());
        assertEquals(new Sps.Restriction(true, 0, 0, 16, 16, 0, 1), sps.restriction());
    }

    @Test
    void parse_withoutVui() {
        // the OpenH264 SPS cut after frame cropping: vui_parameters_present_flag 0, then the stop bit
        BitWriter out = new BitWriter();
        byte[] rbsp = Rbsp.unescape(OPENH264_720P, 1);
        int vuiFlagBit = SpsParser.parseRbsp(rbsp).vuiFlagBit();
        out.copy(rbsp, 0, vuiFlagBit);
        out.flag(false);
        byte[] cut = out.finish();
        Sps sps = SpsParser.parseRbsp(cut);
        assertFalse(sps.vuiPresent());
        assertNull(sps.restriction());
        byte[] nal = new byte[cut.length + 1];
        nal[0] = OPENH264_720P[0];
        System.arraycopy(Rbsp.escape(cut), 0, nal, 1, cut.length);
        Sps rewritten = SpsParser.parse(new SpsTimingRewriter(1).rewrite(nal));
        assertEquals(new Sps.Timing(1, 2, false), rewritten.timing());
        assertEquals(new Sps.Restriction(true, 0, 0, 16, 16, 0, 1), rewritten.restriction());
        assertEquals(1280, rewritten.width());
        assertEquals(720, rewritten.height());
    }

    @Test
    void parse_x264_vuiTimingAndRestriction() {
        Sps high = SpsParser.parse(X264_HIGH_720P);
        assertEquals(100, high.profileIdc());
        assertEquals(1280, high.width());
        assertEquals(720, high.height());
        // as FFmpeg's trace_headers reads them
        assertEquals(new Sps.Timing(1, 50, false), high.timing());
        assertEquals(25.0, high.timing().frameRate());
        assertEquals(4, high.maxNumRefFrames());
        assertEquals(11, high.restriction().log2MaxMvLengthHorizontal());
        assertEquals(2, high.restriction().maxNumReorderFrames());
        assertEquals(0, SpsParser.parse(X264_BASELINE_720P).restriction().maxNumReorderFrames());
    }

    @Test
    void rewrite_openH264_addsTimingAndNoReordering_keepsTheRest() {
        for (byte[] original : new byte[][] {OPENH264_1080P, OPENH264_720P}) {
            byte[] rewritten = new SpsTimingRewriter(1).rewrite(original);
            Sps before = SpsParser.parse(original);
            Sps after = SpsParser.parse(rewritten);
            assertEquals(new Sps.Timing(1, 2, false), after.timing());
            assertEquals(1.0, after.timing().frameRate());
            assertEquals(0, after.restriction().maxNumReorderFrames());
            assertEquals(1, after.restriction().maxDecFrameBuffering());
            assertEquals(before.width(), after.width());
            assertEquals(before.height(), after.height());
            assertEquals(before.vuiFlagBit(), after.vuiFlagBit());
            // header, profile, constraints and level untouched (the SDP's profile-level-id comes from them)
            assertArrayEquals(Arrays.copyOf(original, 4), Arrays.copyOf(rewritten, 4));
        }
    }

    @Test
    void rewrite_x264_replacesTimingAndReordering_keepsOtherVuiParts() {
        Sps before = SpsParser.parse(X264_HIGH_720P);
        Sps after = SpsParser.parse(new SpsTimingRewriter(5).rewrite(X264_HIGH_720P));
        assertEquals(new Sps.Timing(1, 10, false), after.timing());
        assertEquals(5.0, after.timing().frameRate());
        assertEquals(0, after.restriction().maxNumReorderFrames());
        assertEquals(4, after.restriction().maxDecFrameBuffering(), "at least max_num_ref_frames");
        assertEquals(11, after.restriction().log2MaxMvLengthHorizontal());
        assertEquals(before.timingFlagBit(), after.timingFlagBit(), "aspect/video signal bits copied as they were");
        assertEquals(before.restrictionFlagBit() - before.afterTimingBit(),
                after.restrictionFlagBit() - after.afterTimingBit(), "HRD and pic_struct bits copied");
    }

    @Test
    void rewrite_isIdempotent() {
        SpsTimingRewriter rewriter = new SpsTimingRewriter(1);
        for (byte[] original : new byte[][] {OPENH264_1080P, X264_BASELINE_720P, X264_HIGH_720P}) {
            byte[] once = rewriter.rewrite(original);
            assertArrayEquals(once, rewriter.rewrite(once));
        }
    }

    @Test
    void rewrite_truncatedSps_saysWhere() {
        byte[] truncated = Arrays.copyOf(OPENH264_1080P, 6);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SpsTimingRewriter(1).rewrite(truncated));
        assertTrue(error.getMessage().contains("at bit"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpsParser.parse(hex("68ce3c80")), "a PPS");
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
