package io.streampulse.streamer.encode.sps;

/**
 * The fields of a sequence parameter set the streamer reads or rewrites, and where its VUI parts lie in the RBSP
 * (bit positions, so a rewrite copies what it does not change).
 *
 * @param profileIdc        profile_idc (66 Baseline, 77 Main, 100 High, …)
 * @param levelIdc          level_idc (40 = level 4.0)
 * @param width             luma width after cropping
 * @param height            luma height after cropping
 * @param maxNumRefFrames   max_num_ref_frames
 * @param vuiFlagBit        position of vui_parameters_present_flag
 * @param vuiPresent        whether the SPS has vui_parameters
 * @param timingFlagBit     position of timing_info_present_flag (vuiFlagBit + 1 when there is no VUI)
 * @param timing            timing_info, or null
 * @param afterTimingBit    first bit after the timing info (nal_hrd_parameters_present_flag)
 * @param restrictionFlagBit position of bitstream_restriction_flag
 * @param restriction       bitstream_restriction, or null
 * @param frames            what slice headers depend on
 */
public record Sps(int profileIdc, int levelIdc, int width, int height, int maxNumRefFrames, int vuiFlagBit,
                  boolean vuiPresent, int timingFlagBit, Timing timing, int afterTimingBit, int restrictionFlagBit,
                  Restriction restriction, Frames frames) {

    /**
     * The SPS fields a slice header's syntax depends on (for building and renumbering slices).
     *
     * @param log2MaxFrameNum      bits of frame_num
     * @param pocType              pic_order_cnt_type
     * @param frameMbsOnly         frame_mbs_only_flag (no field coding)
     * @param separateColourPlanes separate_colour_plane_flag (slices then carry colour_plane_id)
     * @param widthMbs             coded width in macroblocks
     * @param heightMbs            coded frame height in macroblocks
     */
    public record Frames(int log2MaxFrameNum, int pocType, boolean frameMbsOnly, boolean separateColourPlanes,
                         int widthMbs, int heightMbs) {
    }

    /** timing_info: a frame lasts {@code 2 * numUnitsInTick / timeScale} s (two fields). */
    public record Timing(long numUnitsInTick, long timeScale, boolean fixedFrameRate) {

        public double frameRate() {
            return timeScale / (2.0 * numUnitsInTick);
        }
    }

    /** bitstream_restriction (VUI E.1.1). */
    public record Restriction(boolean motionVectorsOverPicBoundaries, int maxBytesPerPicDenom, int maxBitsPerMbDenom,
                              int log2MaxMvLengthHorizontal, int log2MaxMvLengthVertical, int maxNumReorderFrames,
                              int maxDecFrameBuffering) {
    }
}
