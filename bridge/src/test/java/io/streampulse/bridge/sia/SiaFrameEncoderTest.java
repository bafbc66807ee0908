package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.streampulse.bridge.sia.SiaVectors.AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiaFrameEncoderTest {

    @Test
    void encode_siaDcs_matchesVector() {
        assertEquals(SiaVectors.SIA_DCS_BA, SiaFrameEncoder.encode(SiaVectors.siaDcsBa()));
    }

    @Test
    void encode_contactId_matchesVector() {
        SiaFrame frame = new SiaFrame(SiaFrame.ADM_CID, 7, "1", "2", "ABC123", "#ABC123|1131 01 015",
                Instant.parse("2025-12-31T23:59:59Z"));
        assertEquals(SiaVectors.ADM_CID_OPEN, SiaFrameEncoder.encode(frame));
    }

    @Test
    void encode_null_matchesVector() {
        SiaFrame frame = new SiaFrame(SiaFrame.NULL, 9999, "0", "0", "1234", "", Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(SiaVectors.NULL_9999, SiaFrameEncoder.encode(frame));
    }

    @Test
    void encode_aes128_matchesOpensslVector() {
        SiaCipher cipher = SiaCipher.fromHex(SiaVectors.KEY_128);
        assertEquals(SiaVectors.SIA_DCS_BA_AES128,
                SiaFrameEncoder.encode(SiaVectors.siaDcsBa(), cipher, SiaVectors.ZERO_PAD));
    }

    @Test
    void encode_aes256_matchesOpensslVector() {
        SiaCipher cipher = SiaCipher.fromHex(SiaVectors.KEY_256);
        assertEquals(256, cipher.keyBits());
        assertEquals(SiaVectors.SIA_DCS_BA_AES256,
                SiaFrameEncoder.encode(SiaVectors.siaDcsBa(), cipher, SiaVectors.ZERO_PAD));
    }

    @Test
    void encode_alignedPlaintext_addsWholePadBlock() {
        // "|" + 10 data chars + "]" + 20 timestamp chars = 32: already aligned, so 16 pad characters are added
        SiaCipher cipher = SiaCipher.fromHex(SiaVectors.KEY_128);
        SiaFrame frame = new SiaFrame(SiaFrame.SIA_DCS, 1, "0", "0", "1234", "#1234|NBA1", AT);
        String encoded = SiaFrameEncoder.encode(frame, cipher, SiaVectors.ZERO_PAD);
        String hex = encoded.substring(encoded.indexOf('[') + 1, encoded.length() - 1);
        assertEquals(96, hex.length());
        assertEquals("0".repeat(16) + "|#1234|NBA1]_10:15:30,11-27-2026", cipher.decrypt(hex));
    }

    @Test
    void encode_withoutOptionalFields_omitsThem() {
        SiaFrame frame = new SiaFrame(SiaFrame.ACK, 42, null, null, null, "", null);
        assertTrue(SiaFrameEncoder.encode(frame).endsWith("\"ACK\"0042[]\r"));
    }

    @Test
    void encode_badFields_rejectedWithReason() {
        assertEquals("sequence 10000 is outside 0000-9999", assertThrows(SiaFrameException.class,
                () -> SiaFrameEncoder.encode(new SiaFrame(SiaFrame.NULL, 10_000, "0", "0", "1234", "", AT)))
                .getMessage());
        assertEquals("account '12' must match [0-9A-Fa-f]{3,16}", assertThrows(SiaFrameException.class,
                () -> SiaFrameEncoder.encode(new SiaFrame(SiaFrame.NULL, 1, "0", "0", "12", "", AT))).getMessage());
        assertEquals("receiver 'XYZ' must match [0-9A-Fa-f]{1,6}", assertThrows(SiaFrameException.class,
                () -> SiaFrameEncoder.encode(new SiaFrame(SiaFrame.NULL, 1, "XYZ", "0", "1234", "", AT)))
                .getMessage());
        assertTrue(assertThrows(SiaFrameException.class,
                () -> SiaFrameEncoder.encode(new SiaFrame(SiaFrame.SIA_DCS, 1, "0", "0", "1234", "a]b", AT)))
                .getMessage().contains("without '[' or ']'"));
        assertEquals("unknown id 'FOO'", assertThrows(SiaFrameException.class,
                () -> SiaFrameEncoder.encode(new SiaFrame("FOO", 1, "0", "0", "1234", "", AT))).getMessage());
        assertEquals("an encrypted frame must carry a timestamp", assertThrows(SiaFrameException.class,
                () -> SiaFrameEncoder.encode(new SiaFrame(SiaFrame.NULL, 1, "0", "0", "1234", "", null),
                        SiaCipher.fromHex(SiaVectors.KEY_128), SiaVectors.ZERO_PAD)).getMessage());
        assertTrue(assertThrows(SiaFrameException.class, () -> SiaFrameEncoder.wrap("x".repeat(4096)))
                .getMessage().contains("exceeds"));
    }
}
