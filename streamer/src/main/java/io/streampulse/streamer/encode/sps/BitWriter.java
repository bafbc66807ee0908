package io.streampulse.streamer.encode.sps;

import java.io.ByteArrayOutputStream;

/** Writes an RBSP bit by bit, most significant first: fixed-width fields, exp-Golomb codes, trailing bits. */
public final class BitWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    public void flag(boolean value) {
        bits(value ? 1 : 0, 1);
    }

    public void bits(long value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >>> i) & 1);
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
    }

    /** ue(v): {@code value + 1} in binary preceded by as many zeros as it has bits after the first. */
    public void ue(int value) {
        long coded = (long) value + 1;
        int length = 64 - Long.numberOfLeadingZeros(coded);
        bits(0, length - 1);
        bits(coded, length);
    }

    /** Copies bits {@code [from, to)} of another RBSP. */
    public void copy(byte[] source, int from, int to) {
        for (int bit = from; bit < to; bit++) {
            bits((source[bit >> 3] >> (7 - (bit & 7))) & 1, 1);
        }
    }

    /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
    public byte[] finish() {
        bits(1, 1);
        while (used != 0) {
            bits(0, 1);
        }
        return out.toByteArray();
    }
}
