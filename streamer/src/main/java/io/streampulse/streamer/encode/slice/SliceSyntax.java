package io.streampulse.streamer.encode.slice;

import io.streampulse.streamer.encode.sps.BitReader;
import io.streampulse.streamer.encode.sps.Rbsp;
import io.streampulse.streamer.encode.sps.Sps;
import io.streampulse.streamer.encode.sps.SpsParser;

import java.util.Optional;

/**
 * What a P slice header looks like under one SPS and PPS (pure), for the streams whose slices the streamer builds
 * ({@link SkipFrame}) and renumbers ({@link FrameNumbering}): CAVLC, frames only, picture order from frame_num
 * (pic_order_cnt_type 2, so frame_num is the only counter to keep in step), one slice group, no weighted prediction,
 * no redundant pictures. OpenH264's Constrained Baseline output is all of these.
 *
 * @param ppsId              pic_parameter_set_id
 * @param log2MaxFrameNum    bits of frame_num
 * @param macroblocks        macroblocks in a frame
 * @param deblockingControl  deblocking_filter_control_present_flag (slices then carry disable_deblocking_filter_idc)
 */
public record SliceSyntax(int ppsId, int log2MaxFrameNum, int macroblocks, boolean deblockingControl) {

    /** The syntax for these parameter sets, or empty when they use something outside the supported set. */
    public static Optional<SliceSyntax> of(byte[] spsNal, byte[] ppsNal) {
        try {
            Sps.Frames frames = SpsParser.parse(spsNal).frames();
            if (frames.pocType() != 2 || !frames.frameMbsOnly() || frames.separateColourPlanes()) {
                return Optional.empty();
            }
            BitReader in = new BitReader(Rbsp.unescape(ppsNal, 1));
            int ppsId = in.ue();
            in.ue(); // seq_parameter_set_id
            boolean cabac = in.flag();
            in.flag(); // bottom_field_pic_order_in_frame_present_flag
            if (cabac || in.ue() != 0) { // num_slice_groups_minus1
                return Optional.empty();
            }
            in.ue(); // num_ref_idx_l0_default_active_minus1
            in.ue(); // num_ref_idx_l1_default_active_minus1
            boolean weighted = in.flag();
            in.bits(2); // weighted_bipred_idc
            in.se(); // pic_init_qp_minus26
            in.se(); // pic_init_qs_minus26
            in.se(); // chroma_qp_index_offset
            boolean deblockingControl = in.flag();
            in.flag(); // constrained_intra_pred_flag
            boolean redundant = in.flag();
            if (weighted || redundant) {
                return Optional.empty();
            }
            return Optional.of(new SliceSyntax(ppsId, frames.log2MaxFrameNum(), frames.widthMbs() * frames.heightMbs(),
                    deblockingControl));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty(); // unreadable parameter sets: nothing is built or renumbered
        }
    }

    public int maxFrameNum() {
        return 1 << log2MaxFrameNum;
    }
}
