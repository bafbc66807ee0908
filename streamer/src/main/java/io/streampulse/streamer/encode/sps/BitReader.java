package io.streampulse.streamer.encode.sps;

/** Reads an RBSP bit by bit, most significant first: fixed-width fields and exp-Golomb codes (H.264 §9.1). */
public final class BitReader {

    private final byte[] data;
    private int position;

    public BitReader(byte[] data) {
        this.data = data;
    }

    /** Bits read so far. */
    public int position() {
        return position;
    }

    /** Moves past {@code count} bits. */
    public BitReader skip(int count) {
        position += count;
        return this;
    }

    public boolean flag() {
        return bits(1) == 1;
    }

    public long bits(int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            if (position >= data.length * 8) {
                throw new IllegalArgumentException("RBSP ends inside a field at bit " + position);
            }
            int bit = (data[position >> 3] >> (7 - (position & 7))) & 1;
            value = (value << 1) | bit;
            position++;
        }
        return value;
    }

    /** ue(v). */
    public int ue() {
        int zeros = 0;
        while (bits(1) == 0) {
            zeros++;
            if (zeros > 31) {
                throw new IllegalArgumentException("exp-Golomb code longer than 32 bits at bit " + position);
            }
        }
        return (int) ((1L << zeros) - 1 + bits(zeros));
    }

    /** se(v): 1, -1, 2, -2, … for codes 1, 2, 3, 4, …. */
    public int se() {
        int code = ue();
        return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
    }
}
