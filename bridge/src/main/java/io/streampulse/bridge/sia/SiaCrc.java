package io.streampulse.bridge.sia;

/**
 * The DC-09 frame check (pure): CRC-16/ARC, i.e. polynomial 0x8005 processed reflected (0xA001), initial value 0,
 * no final XOR, over the ASCII bytes from the opening quote of the id to the end of the timestamp. Check value:
 * "123456789" gives BB3D.
 */
public final class SiaCrc {

    /** The CRC of each byte value: one lookup per byte instead of eight shifts (the SIA lane frames and checks
     * every message and its answer). */
    private static final int[] TABLE = new int[256];

    static {
        for (int value = 0; value < 256; value++) {
            int crc = value;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[value] = crc;
        }
    }

    private SiaCrc() {
    }

    public static int of(String text) {
        int crc = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int b = c < 0x80 ? c : '?'; // US-ASCII, as the frame is sent: anything else goes out as '?'
            crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
        }
        return crc;
    }

    /** Four upper-case hex digits, as the frame carries it. */
    public static String hex(String text) {
        return SiaDigits.hex(of(text), 4);
    }
}
