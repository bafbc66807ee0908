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
 */
public record Sps(int profileIdc, int levelIdc, int width, int height, int maxNumRefFrames, int vuiFlagBit,
                  boolean vuiPresent, int timingFlagBit, Timing timing, int afterTimingBit, int restrictionFlagBit,
                  Restriction restriction) {

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
