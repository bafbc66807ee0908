package io.streampulse.streamer.encode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits an Annex B byte stream (00 00 01 / 00 00 00 01 start codes) into NAL units (pure). */
public final class AnnexB {

    public static final int NAL_SLICE = 1;
    public static final int NAL_IDR = 5;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;

    private AnnexB() {
    }

    public static List<byte[]> split(byte[] stream) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(trimmed(stream, start, i));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            nals.add(Arrays.copyOfRange(stream, start, stream.length));
        }
        return nals;
    }

    public static int type(byte[] nal) {
        return nal[0] & 0x1F;
    }

    /** A NAL ends before the zero bytes that begin the next start code (a 4-byte one leaves one behind). */
    private static byte[] trimmed(byte[] stream, int from, int to) {
        int end = to;
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOfRange(stream, from, end);
    }
}
