package io.streampulse.streamer.encode.slice;

import io.streampulse.streamer.encode.sps.BitWriter;
import io.streampulse.streamer.encode.sps.Rbsp;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Slice syntax read from OpenH264's parameter sets (javacv's libavcodec at 1080p: frame_num of 15 bits,
 * pic_order_cnt_type 2, CAVLC, deblocking control present; as FFmpeg's trace_headers reads them) and skipped
 * pictures built under it. That such a picture decodes to its reference is {@link FrameNumberingTest}'s.
 */
class SkipFrameTest {

    static final byte[] OPENH264_SPS_1080P = hex("6742c0288c680780227e5807844235");
    static final byte[] OPENH264_PPS = hex("68ce3c80");

    @Test
    void sliceSyntax_ofOpenH264ParameterSets() {
        assertEquals(Optional.of(new SliceSyntax(0, 15, 120 * 68, true)),
                SliceSyntax.of(OPENH264_SPS_1080P, OPENH264_PPS));
    }

    @Test
    void build_1080p_vectors() {
        SliceSyntax syntax = SliceSyntax.of(OPENH264_SPS_1080P, OPENH264_PPS).orElseThrow();
        // 41: nal_ref_idc 2, type 1 | first_mb 0, P, pps 0 (111), frame_num 1 (15 bits), override 0, modification 0,
        // marking 0, qp delta 0 (1), deblocking off (010), mb_skip_run 8160 (0000000000001 + 12 bits), stop bit
        assertArrayEquals(hex("41e000450007f860"), SkipFrame.build(syntax, 1));
        assertArrayEquals(hex("41ffffc50007f860"), SkipFrame.build(syntax, 32_767));
        assertArrayEquals(hex("41e000050007f860"), SkipFrame.build(syntax, 32_768), "frame_num wraps");
    }

    @Test
    void sliceSyntax_refusesWhatSkippedPicturesDoNotCover() {
        assertEquals(Optional.empty(), SliceSyntax.of(OPENH264_SPS_1080P, pps(true)), "CABAC");
        assertEquals(Optional.of(new SliceSyntax(0, 15, 8160, false)), SliceSyntax.of(OPENH264_SPS_1080P,
                pps(false)), "the same PPS written here, CAVLC and no deblocking control");
        // x264 High 720p: pic_order_cnt_type 0 (the picture order would need its own counter)
        assertEquals(Optional.empty(), SliceSyntax.of(hex("6764001facd9405005bb011000000300100000030320f1831960"),
                OPENH264_PPS));
        assertEquals(Optional.empty(), SliceSyntax.of(hex("6742c028"), OPENH264_PPS), "truncated SPS");
        assertEquals(Optional.empty(), SliceSyntax.of(OPENH264_SPS_1080P, hex("68")), "empty PPS");
    }

    /** A PPS like OpenH264's but with the given entropy coding and no deblocking control. */
    private static byte[] pps(boolean cabac) {
        BitWriter out = new BitWriter();
        out.ue(0);
        out.ue(0);
        out.flag(cabac);
        out.flag(false);
        out.ue(0);
        out.ue(0);
        out.ue(0);
        out.flag(false);
        out.bits(0, 2);
        out.ue(0);
        out.ue(0);
        out.ue(0);
        out.flag(false);
        out.flag(false);
        out.flag(false);
        byte[] payload = Rbsp.escape(out.finish());
        byte[] nal = new byte[payload.length + 1];
        nal[0] = 0x68;
        System.arraycopy(payload, 0, nal, 1, payload.length);
        return nal;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
