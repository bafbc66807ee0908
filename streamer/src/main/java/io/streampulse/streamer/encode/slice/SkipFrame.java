package io.streampulse.streamer.encode.slice;

import io.streampulse.streamer.encode.sps.BitWriter;
import io.streampulse.streamer.encode.sps.Rbsp;

/**
 * Builds a P picture in which every macroblock is skipped (pure, H.264 §7.3.3 and §7.3.4): one slice, its header,
 * then a single mb_skip_run over the whole frame. Every P_Skip macroblock of such a picture has a zero motion
 * vector (its left or upper neighbour is missing or itself skipped with a zero vector, §8.4.1.1) and no residual, so
 * the decoded picture is its reference, bit for bit; deblocking is turned off for it anyway. 8 bytes at
 * 1080p and nothing to encode: it stands in for an encoder's "same picture again".
 */
public final class SkipFrame {

    /** nal_ref_idc 2 (a reference picture, as the encoder's P pictures are), nal_unit_type 1 (non-IDR slice). */
    static final int NAL_HEADER = 0x41;

    private SkipFrame() {
    }

    /** The NAL unit (header byte first, no start code) of a skipped P picture numbered {@code frameNum}. */
    public static byte[] build(SliceSyntax syntax, int frameNum) {
        BitWriter out = new BitWriter();
        out.ue(0); // first_mb_in_slice
        out.ue(0); // slice_type P
        out.ue(syntax.ppsId());
        out.bits(frameNum & (syntax.maxFrameNum() - 1), syntax.log2MaxFrameNum());
        out.flag(false); // num_ref_idx_active_override_flag: the PPS default (only index 0 is used)
        out.flag(false); // ref_pic_list_modification_flag_l0
        out.flag(false); // adaptive_ref_pic_marking_mode_flag: sliding window, as the encoder's pictures
        out.ue(0); // slice_qp_delta, se(0)
        if (syntax.deblockingControl()) {
            out.ue(1); // disable_deblocking_filter_idc: off
        }
        out.ue(syntax.macroblocks()); // mb_skip_run over the whole picture, then no more data
        byte[] payload = Rbsp.escape(out.finish());
        byte[] nal = new byte[payload.length + 1];
        nal[0] = NAL_HEADER;
        System.arraycopy(payload, 0, nal, 1, payload.length);
        return nal;
    }
}
