package io.streampulse.streamer.encode.sps;

/**
 * Adds VUI timing and a no-reordering bitstream restriction to an SPS (pure). OpenH264 writes an SPS without VUI;
 * libavformat then cannot tell the frame rate from the stream and reads 20 frames to guess it before it shows a
 * picture (20 s at 1 fps), and its decoder, not told that frames are never reordered, may hold a frame back.
 * With {@code timing_info} (a frame = 2 ticks of {@code 1 / (2 × rate)} s) and {@code max_num_reorder_frames = 0},
 * {@code max_dec_frame_buffering = max(1, max_num_ref_frames)}, clients know both at once.
 *
 * <p>Everything else is kept: the bits before the VUI as they are, and from an existing VUI its aspect ratio, video
 * signal, chroma location, HRD and pic_struct parts; only timing_info and bitstream_restriction are replaced.
 * {@code fixed_frame_rate_flag} is 0: the streamer sends a picture only when it changed (plus quick follow-ups
 * after a change), so the rate is the nominal one, not a constant one.
 */
public final class SpsTimingRewriter {

    private final int frameRate;

    public SpsTimingRewriter(int frameRate) {
        if (frameRate < 1) {
            throw new IllegalArgumentException("frame rate must be at least 1, got " + frameRate);
        }
        this.frameRate = frameRate;
    }

    /** @param nal an SPS NAL unit (no start code); returns a new NAL unit with the same header byte */
    public byte[] rewrite(byte[] nal) {
        byte[] rbsp = Rbsp.unescape(nal, 1);
        Sps sps = SpsParser.parseRbsp(rbsp);
        BitWriter out = new BitWriter();
        out.copy(rbsp, 0, sps.vuiFlagBit());
        out.flag(true); // vui_parameters_present_flag
        if (sps.vuiPresent()) {
            out.copy(rbsp, sps.vuiFlagBit() + 1, sps.timingFlagBit());
        } else {
            out.bits(0, 4); // no aspect ratio, overscan, video signal or chroma location info
        }
        out.flag(true); // timing_info_present_flag
        out.bits(1, 32); // num_units_in_tick
        out.bits(2L * frameRate, 32); // time_scale
        out.flag(false); // fixed_frame_rate_flag
        if (sps.vuiPresent()) {
            out.copy(rbsp, sps.afterTimingBit(), sps.restrictionFlagBit());
        } else {
            out.bits(0, 3); // no NAL HRD, no VCL HRD, no pic_struct
        }
        writeRestriction(out, sps);
        byte[] rewritten = Rbsp.escape(out.finish());
        byte[] result = new byte[rewritten.length + 1];
        result[0] = nal[0];
        System.arraycopy(rewritten, 0, result, 1, rewritten.length);
        return result;
    }

    private static void writeRestriction(BitWriter out, Sps sps) {
        Sps.Restriction old = sps.restriction();
        out.flag(true); // bitstream_restriction_flag
        // without a restriction before: no limits (denominators 0, the widest motion vector range)
        out.flag(old == null || old.motionVectorsOverPicBoundaries());
        out.ue(old == null ? 0 : old.maxBytesPerPicDenom());
        out.ue(old == null ? 0 : old.maxBitsPerMbDenom());
        out.ue(old == null ? 16 : old.log2MaxMvLengthHorizontal());
        out.ue(old == null ? 16 : old.log2MaxMvLengthVertical());
        out.ue(0); // max_num_reorder_frames
        out.ue(Math.max(1, sps.maxNumRefFrames())); // max_dec_frame_buffering ≥ max_num_ref_frames
    }
}
