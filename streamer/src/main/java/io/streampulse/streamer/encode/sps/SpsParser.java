package io.streampulse.streamer.encode.sps;

/**
 * Reads a sequence parameter set NAL unit (H.264 §7.3.2.1.1 and VUI Annex E.1.1; pure). Every profile's syntax is
 * followed, including scaling lists and HRD parameters, so the VUI is found whatever the encoder wrote.
 */
public final class SpsParser {

    private static final int NAL_SPS = 7;

    private SpsParser() {
    }

    /** @param nal the NAL unit without start code, header byte first */
    public static Sps parse(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1F) != NAL_SPS) {
            throw new IllegalArgumentException("not an SPS NAL unit (" + nal.length + " bytes, type "
                    + (nal.length == 0 ? "none" : nal[0] & 0x1F) + ")");
        }
        return parseRbsp(Rbsp.unescape(nal, 1));
    }

    static Sps parseRbsp(byte[] rbsp) {
        BitReader in = new BitReader(rbsp);
        int profile = (int) in.bits(8);
        in.bits(8); // constraint_set flags and reserved bits
        int level = (int) in.bits(8);
        in.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        boolean separateColourPlanes = false;
        if (hasChromaSyntax(profile)) {
            chromaFormat = in.ue();
            if (chromaFormat == 3) {
                separateColourPlanes = in.flag();
            }
            in.ue(); // bit_depth_luma_minus8
            in.ue(); // bit_depth_chroma_minus8
            in.flag(); // qpprime_y_zero_transform_bypass_flag
            if (in.flag()) {
                skipScalingLists(in, chromaFormat != 3 ? 8 : 12);
            }
        }
        int log2MaxFrameNum = in.ue() + 4;
        int pocType = in.ue();
        if (pocType == 0) {
            in.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (pocType == 1) {
            in.flag(); // delta_pic_order_always_zero_flag
            in.se(); // offset_for_non_ref_pic
            in.se(); // offset_for_top_to_bottom_field
            int cycle = in.ue();
            for (int i = 0; i < cycle; i++) {
                in.se();
            }
        }
        int maxRefFrames = in.ue();
        in.flag(); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = in.ue() + 1;
        int heightMapUnits = in.ue() + 1;
        boolean frameMbsOnly = in.flag();
        if (!frameMbsOnly) {
            in.flag(); // mb_adaptive_frame_field_flag
        }
        in.flag(); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (in.flag()) {
            cropLeft = in.ue();
            cropRight = in.ue();
            cropTop = in.ue();
            cropBottom = in.ue();
        }
        int arrayType = separateColourPlanes ? 0 : chromaFormat;
        int cropUnitX = arrayType == 0 ? 1 : (arrayType == 3 ? 1 : 2);
        int cropUnitY = (arrayType == 0 || arrayType == 3 ? 1 : (arrayType == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
        int width = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        int height = heightMapUnits * 16 * (frameMbsOnly ? 1 : 2) - cropUnitY * (cropTop + cropBottom);
        Sps.Frames frames = new Sps.Frames(log2MaxFrameNum, pocType, frameMbsOnly, separateColourPlanes, widthMbs,
                heightMapUnits * (frameMbsOnly ? 1 : 2));
        int vuiFlagBit = in.position();
        boolean vui = in.flag();
        if (!vui) {
            int here = in.position();
            return new Sps(profile, level, width, height, maxRefFrames, vuiFlagBit, false, here, null, here, here,
                    null, frames);
        }
        return parseVui(in, profile, level, width, height, maxRefFrames, vuiFlagBit, frames);
    }

    private static Sps parseVui(BitReader in, int profile, int level, int width, int height, int maxRefFrames,
                                int vuiFlagBit, Sps.Frames frames) {
        if (in.flag() && in.bits(8) == 255) { // aspect_ratio_info_present_flag, aspect_ratio_idc == Extended_SAR
            in.bits(32); // sar_width, sar_height
        }
        if (in.flag()) { // overscan_info_present_flag
            in.flag();
        }
        if (in.flag()) { // video_signal_type_present_flag
            in.bits(4); // video_format, video_full_range_flag
            if (in.flag()) { // colour_description_present_flag
                in.bits(24);
            }
        }
        if (in.flag()) { // chroma_loc_info_present_flag
            in.ue();
            in.ue();
        }
        int timingFlagBit = in.position();
        Sps.Timing timing = in.flag() ? new Sps.Timing(in.bits(32), in.bits(32), in.flag()) : null;
        int afterTiming = in.position();
        boolean nalHrd = in.flag();
        if (nalHrd) {
            skipHrd(in);
        }
        boolean vclHrd = in.flag();
        if (vclHrd) {
            skipHrd(in);
        }
        if (nalHrd || vclHrd) {
            in.flag(); // low_delay_hrd_flag
        }
        in.flag(); // pic_struct_present_flag
        int restrictionFlagBit = in.position();
        Sps.Restriction restriction = in.flag()
                ? new Sps.Restriction(in.flag(), in.ue(), in.ue(), in.ue(), in.ue(), in.ue(), in.ue()) : null;
        return new Sps(profile, level, width, height, maxRefFrames, vuiFlagBit, true, timingFlagBit, timing,
                afterTiming, restrictionFlagBit, restriction, frames);
    }

    /** High profiles and their relatives carry chroma format, bit depths and scaling lists. */
    private static boolean hasChromaSyntax(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingLists(BitReader in, int lists) {
        for (int i = 0; i < lists; i++) {
            if (!in.flag()) {
                continue;
            }
            int size = i < 6 ? 16 : 64;
            int last = 8;
            int next = 8;
            for (int j = 0; j < size && next != 0; j++) {
                next = (last + in.se() + 256) % 256;
                last = next == 0 ? last : next;
            }
        }
    }

    private static void skipHrd(BitReader in) {
        int count = in.ue() + 1; // cpb_cnt_minus1
        in.bits(8); // bit_rate_scale, cpb_size_scale
        for (int i = 0; i < count; i++) {
            in.ue(); // bit_rate_value_minus1
            in.ue(); // cpb_size_value_minus1
            in.flag(); // cbr_flag
        }
        in.bits(20); // four delay and offset lengths of 5 bits
    }
}
