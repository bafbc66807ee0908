package io.streampulse.monitor.probe.rtsp;

/**
 * Reads profile, level and picture size from an H.264 sequence parameter set (pure; ITU-T H.264 §7.3.2.1.1).
 * Why: cameras announce the SPS in the SDP ({@code sprop-parameter-sets}), so DESCRIBE alone tells the
 * resolution without reading any video; and the declared {@code profile-level-id} is often wrong (go2rtc #155).
 */
public final class H264SpsParser {

    private static final int NAL_TYPE_SPS = 7;

    private H264SpsParser() {
    }

    /**
     * @param nal the SPS NAL unit without start code (first byte = NAL header, type 7)
     * @throws IllegalArgumentException if it is not an SPS or is cut short
     */
    public static H264Sps parse(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1f) != NAL_TYPE_SPS) {
            throw new IllegalArgumentException("not an H.264 SPS NAL unit");
        }
        try {
            return read(new RbspBitReader(nal, 1));
        } catch (RbspBitReader.MalformedSpsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static H264Sps read(RbspBitReader r) {
        int profileIdc = r.bits(8);
        int constraints = r.bits(8);
        int levelIdc = r.bits(8);
        r.ue(); // seq_parameter_set_id
        int chromaFormatIdc = 1; // 4:2:0 unless the profile says otherwise
        boolean separateColourPlanes = false;
        if (H264Profiles.hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.ue();
            if (chromaFormatIdc == 3) {
                separateColourPlanes = r.flag();
            }
            r.ue(); // bit_depth_luma_minus8
            r.ue(); // bit_depth_chroma_minus8
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                skipScalingLists(r, chromaFormatIdc != 3 ? 8 : 12);
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        skipPictureOrderCount(r);
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = r.ue() + 1;
        int heightInMapUnits = r.ue() + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        int frameHeightFactor = frameMbsOnly ? 1 : 2;
        int width = widthInMbs * 16;
        int height = heightInMapUnits * 16 * frameHeightFactor;
        if (r.flag()) { // frame_cropping_flag: offsets are in chroma sample units (§7.4.2.1.1, CropUnitX/Y)
            int chromaArrayType = separateColourPlanes ? 0 : chromaFormatIdc;
            int cropUnitX = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int cropUnitY = (chromaArrayType == 1 ? 2 : 1) * frameHeightFactor;
            int left = r.ue();
            int right = r.ue();
            int top = r.ue();
            int bottom = r.ue();
            width -= cropUnitX * (left + right);
            height -= cropUnitY * (top + bottom);
        }
        return new H264Sps(profileIdc, H264Profiles.profileName(profileIdc, constraints),
                H264Profiles.levelName(profileIdc, constraints, levelIdc), width, height, !frameMbsOnly);
    }

    private static void skipPictureOrderCount(RbspBitReader r) {
        int picOrderCntType = r.ue();
        if (picOrderCntType == 0) {
            r.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (picOrderCntType == 1) {
            r.skip(1); // delta_pic_order_always_zero_flag
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue();
            for (int i = 0; i < cycle; i++) {
                r.se(); // offset_for_ref_frame[i]
            }
        }
    }

    /** scaling_list() of §7.3.2.1.1.1: only the deltas are read, to get past them. */
    private static void skipScalingLists(RbspBitReader r, int count) {
        for (int i = 0; i < count; i++) {
            if (!r.flag()) { // seq_scaling_list_present_flag[i]
                continue;
            }
            int size = i < 6 ? 16 : 64;
            int last = 8;
            int next = 8;
            for (int j = 0; j < size && next != 0; j++) {
                next = (last + r.se() + 256) % 256;
                last = next == 0 ? last : next;
            }
        }
    }
}
