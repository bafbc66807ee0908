package io.streampulse.streamer.encode.sps;

import org.junit.jupiter.api.Test;

import static io.streampulse.streamer.encode.sps.SpsTimingRewriterTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Emulation prevention and exp-Golomb vectors (H.264 §7.4.1, §9.1). */
class RbspTest {

    @Test
    void escape_insertsThreeAfterTwoZerosBeforeASmallByte() {
        assertArrayEquals(hex("00000300000301000004ff"), Rbsp.escape(hex("00000000010000" + "04ff")));
        assertArrayEquals(hex("000004"), Rbsp.escape(hex("000004")));
    }

    @Test
    void unescape_dropsTheInsertedThrees_fromAnOffset() {
        assertArrayEquals(hex("000000000100"), Rbsp.unescape(hex("670000030000030100"), 1));
        byte[] sps = SpsTimingRewriterTest.X264_HIGH_720P;
        assertArrayEquals(sps, concat(sps[0], Rbsp.escape(Rbsp.unescape(sps, 1))));
    }

    @Test
    void expGolomb_writtenAndReadBack() {
        BitWriter out = new BitWriter();
        int[] values = {0, 1, 2, 3, 7, 255, 65_535};
        for (int value : values) {
            out.ue(value);
        }
        out.bits(0b101, 3);
        byte[] bits = out.finish();
        // 1 010 011 00100 0001000 ... : the first bytes as the spec's table gives them
        assertEquals((byte) 0b1010_0110, bits[0]);
        BitReader in = new BitReader(bits);
        for (int value : values) {
            assertEquals(value, in.ue());
        }
        assertEquals(0b101, in.bits(3));
        assertEquals(1, in.bits(1), "stop bit");
        assertEquals(-1, new BitReader(new byte[] {0b0110_0000}).se(), "se: code 2 is -1");
    }

    private static byte[] concat(byte header, byte[] rest) {
        byte[] all = new byte[rest.length + 1];
        all[0] = header;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
