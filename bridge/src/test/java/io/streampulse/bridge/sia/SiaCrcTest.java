package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiaCrcTest {

    @Test
    void of_checkString_isArcCheckValue() {
        assertEquals("BB3D", SiaCrc.hex("123456789"));
    }

    @Test
    void of_empty_isZero() {
        assertEquals("0000", SiaCrc.hex(""));
    }

    @Test
    void of_anyText_matchesTheBitwiseDefinitionOverItsAsciiBytes() {
        java.util.Random random = new java.util.Random(9);
        for (int n = 0; n < 2_000; n++) {
            char[] text = new char[random.nextInt(120)];
            for (int i = 0; i < text.length; i++) {
                // mostly frame characters, some outside ASCII (sent and read as '?')
                text[i] = random.nextInt(20) == 0 ? (char) (0x80 + random.nextInt(0xD800 - 0x80))
                        : (char) random.nextInt(0x80);
            }
            String s = new String(text);
            assertEquals(bitwise(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), SiaCrc.of(s), s);
        }
    }

    /** CRC-16/ARC bit by bit, as the standard describes it. */
    private static int bitwise(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
