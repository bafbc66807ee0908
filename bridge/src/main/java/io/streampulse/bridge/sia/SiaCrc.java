package io.streampulse.bridge.sia;

import java.nio.charset.StandardCharsets;

/**
 * The DC-09 frame check (pure): CRC-16/ARC, i.e. polynomial 0x8005 processed reflected (0xA001), initial value 0,
 * no final XOR, over the ASCII bytes from the opening quote of the id to the end of the timestamp. Check value:
 * "123456789" gives BB3D.
 */
public final class SiaCrc {

    private SiaCrc() {
    }

    public static int of(String text) {
        int crc = 0;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** Four upper-case hex digits, as the frame carries it. */
    public static String hex(String text) {
        return SiaDigits.hex(of(text), 4);
    }
}
