package io.streampulse.streamer.encode.slice;

import io.streampulse.streamer.encode.AnnexB;
import io.streampulse.streamer.encode.sps.BitReader;
import io.streampulse.streamer.encode.sps.Rbsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps frame_num continuous in a stream into which skipped pictures ({@link SkipFrame}) are inserted between the
 * encoder's own (pure, one instance per stream and parameter sets). Each inserted picture is a reference picture,
 * so it takes the next frame_num (gaps are not allowed, §7.4.3); the encoder's later slices are renumbered by as many
 * pictures as were inserted since its last IDR, which restarts the count. frame_num is a fixed-width field, so a
 * renumbered slice keeps every other bit where it was. With pic_order_cnt_type 2 the picture order follows
 * frame_num and needs nothing else.
 */
public final class FrameNumbering {

    /** Enough NAL bytes for a slice header up to frame_num (three exp-Golomb codes, at most 16 bits). */
    private static final int HEADER_BYTES = 32;

    private final SliceSyntax syntax;
    private int inserted;
    private int lastReferenceFrameNum;

    public FrameNumbering(SliceSyntax syntax) {
        this.syntax = syntax;
    }

    /** The encoder's access unit as it is to be sent: its slices renumbered past the inserted pictures. */
    public List<byte[]> renumber(List<byte[]> nals) {
        if (nals.stream().anyMatch(nal -> AnnexB.type(nal) == AnnexB.NAL_IDR)) {
            inserted = 0;
        }
        List<byte[]> out = new ArrayList<>(nals.size());
        for (byte[] nal : nals) {
            int type = AnnexB.type(nal);
            if (type != AnnexB.NAL_IDR && type != AnnexB.NAL_SLICE) {
                out.add(nal);
                continue;
            }
            byte[] header = Rbsp.unescape(Arrays.copyOf(nal, Math.min(nal.length, HEADER_BYTES)), 1);
            int at = frameNumBit(header);
            int frameNum = (int) new BitReader(header).skip(at).bits(syntax.log2MaxFrameNum());
            if (type == AnnexB.NAL_SLICE && inserted != 0) {
                frameNum = (frameNum + inserted) & (syntax.maxFrameNum() - 1);
                nal = withFrameNum(nal, at, frameNum);
            }
            if ((nal[0] & 0x60) != 0) {
                lastReferenceFrameNum = frameNum;
            }
            out.add(nal);
        }
        return out;
    }

    /** A skipped picture to send next (a reference picture repeating the last one). */
    public byte[] skipFrame() {
        lastReferenceFrameNum = (lastReferenceFrameNum + 1) & (syntax.maxFrameNum() - 1);
        inserted++;
        return SkipFrame.build(syntax, lastReferenceFrameNum);
    }

    /** Bit position of frame_num in a slice RBSP: after first_mb_in_slice, slice_type, pic_parameter_set_id. */
    private static int frameNumBit(byte[] rbsp) {
        BitReader in = new BitReader(rbsp);
        in.ue();
        in.ue();
        in.ue();
        return in.position();
    }

    private byte[] withFrameNum(byte[] nal, int at, int frameNum) {
        byte[] rbsp = Rbsp.unescape(nal, 1);
        for (int i = 0; i < syntax.log2MaxFrameNum(); i++) {
            int bit = at + i;
            int mask = 0x80 >> (bit & 7);
            boolean one = ((frameNum >> (syntax.log2MaxFrameNum() - 1 - i)) & 1) == 1;
            rbsp[bit >> 3] = (byte) (one ? rbsp[bit >> 3] | mask : rbsp[bit >> 3] & ~mask);
        }
        byte[] payload = Rbsp.escape(rbsp);
        byte[] out = new byte[payload.length + 1];
        out[0] = nal[0];
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }
}
