package io.streampulse.streamer.encode.sps;

import java.io.ByteArrayOutputStream;

/**
 * Emulation prevention (H.264 §7.4.1, pure): inside a NAL unit, {@code 00 00} followed by a byte ≤ 3 is written as
 * {@code 00 00 03 xx} so no start code appears in the payload. The RBSP is the payload with those 03s removed.
 */
public final class Rbsp {

    private Rbsp() {
    }

    /** The RBSP of a NAL unit's bytes from {@code from} on (the header byte is the caller's). */
    public static byte[] unescape(byte[] nal, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (int i = from; i < nal.length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** The NAL payload for an RBSP: a 03 after every {@code 00 00} that precedes a byte ≤ 3. */
    public static byte[] escape(byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + 8);
        int zeros = 0;
        for (byte value : rbsp) {
            int b = value & 0xFF;
            if (zeros >= 2 && b <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }
}
