package io.streampulse.monitor.probe.rtsp;

/**
 * Reads bits and exp-Golomb codes from one H.264/H.265 NAL unit (pure).
 * Why a class of its own: the SPS is bit-packed and escaped, and both quirks belong in one place: emulation
 * prevention bytes (00 00 03) are dropped here, so callers read the raw byte sequence payload (RBSP).
 */
final class RbspBitReader {

    private final byte[] rbsp;
    private int bitPos;

    /** {@code nal} without its start code; {@code skipBytes} header bytes are skipped (1 for H.264). */
    RbspBitReader(byte[] nal, int skipBytes) {
        this.rbsp = unescape(nal);
        this.bitPos = skipBytes * 8;
    }

    static byte[] unescape(byte[] nal) {
        byte[] out = new byte[nal.length];
        int n = 0;
        int zeros = 0;
        for (byte b : nal) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = b;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    int bit() {
        if (bitPos >= rbsp.length * 8) {
            throw new MalformedSpsException("SPS ends early at bit " + bitPos);
        }
        int value = (rbsp[bitPos >> 3] >> (7 - (bitPos & 7))) & 1;
        bitPos++;
        return value;
    }

    boolean flag() {
        return bit() == 1;
    }

    int bits(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 1) | bit();
        }
        return value;
    }

    void skip(int count) {
        for (int i = 0; i < count; i++) {
            bit();
        }
    }

    /** ue(v): unsigned exp-Golomb. */
    int ue() {
        int leadingZeros = 0;
        while (bit() == 0) {
            if (++leadingZeros > 31) {
                throw new MalformedSpsException("exp-Golomb code longer than 32 bits");
            }
        }
        return (int) ((1L << leadingZeros) - 1 + (leadingZeros == 0 ? 0 : bitsLong(leadingZeros)));
    }

    private long bitsLong(int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 1) | bit();
        }
        return value;
    }

    /** se(v): signed exp-Golomb (1, -1, 2, -2, ...). */
    int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** Thrown for an SPS that is cut short or not an SPS at all. */
    static final class MalformedSpsException extends RuntimeException {
        MalformedSpsException(String message) {
            super(message, null, false, false);
        }
    }
}
