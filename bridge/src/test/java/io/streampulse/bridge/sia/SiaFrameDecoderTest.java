package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiaFrameDecoderTest {

    private static final SiaCipher AES_128 = SiaCipher.fromHex(SiaVectors.KEY_128);
    private static final SiaCipher AES_256 = SiaCipher.fromHex(SiaVectors.KEY_256);

    @Test
    void decode_siaDcsVector_givesFields() {
        SiaFrameDecoder.Decoded decoded = SiaFrameDecoder.decode(SiaVectors.SIA_DCS_BA, null);
        assertEquals(SiaVectors.siaDcsBa(), decoded.frame());
        assertFalse(decoded.encrypted());
    }

    @Test
    void decode_encryptedVectors_giveSameFrame() {
        SiaFrameDecoder.Decoded aes128 = SiaFrameDecoder.decode(SiaVectors.SIA_DCS_BA_AES128, AES_128);
        SiaFrameDecoder.Decoded aes256 = SiaFrameDecoder.decode(SiaVectors.SIA_DCS_BA_AES256, AES_256);
        assertEquals(SiaVectors.siaDcsBa(), aes128.frame());
        assertEquals(SiaVectors.siaDcsBa(), aes256.frame());
        assertTrue(aes128.encrypted());
    }

    @Test
    void decode_roundTrip_everyMessageTypeAndKey() {
        SplittableRandom random = new SplittableRandom(7);
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        SiaFrame[] frames = {
                new SiaFrame(SiaFrame.SIA_DCS, 1, "0", "0", "1234", "#1234|Nri1/WA012", at),
                new SiaFrame(SiaFrame.ADM_CID, 9999, "ABCDEF", "123456", "0123456789ABCDEF", "#0123456789ABCDEF|3154 01 999", at),
                new SiaFrame(SiaFrame.NULL, 17, "0", "0", "1234", "", at),
                new SiaFrame(SiaFrame.ACK, 17, "0", "0", "1234", "", at),
        };
        for (SiaFrame frame : frames) {
            assertEquals(frame, SiaFrameDecoder.decode(SiaFrameEncoder.encode(frame), null).frame());
            for (SiaCipher cipher : new SiaCipher[] {AES_128, SiaCipher.fromHex("ab".repeat(24)), AES_256}) {
                String encrypted = SiaFrameEncoder.encode(frame, cipher, random);
                assertEquals(frame, SiaFrameDecoder.decode(encrypted, cipher).frame(), encrypted);
            }
        }
    }

    @Test
    void decode_answers_classified() {
        assertEquals(new SiaAnswer(SiaAnswer.Kind.ACK, 42, null), SiaAnswer.decode(SiaVectors.ACK_0042, null));
        assertEquals(new SiaAnswer(SiaAnswer.Kind.DUH, 42, null), SiaAnswer.decode(SiaVectors.DUH_0042, null));
        SiaAnswer nak = SiaAnswer.decode(SiaVectors.NAK, null);
        assertEquals(new SiaAnswer(SiaAnswer.Kind.NAK, 0, Instant.parse("2026-11-27T10:16:00Z")), nak);
        assertTrue(nak.answers(42));
        SiaAnswer encryptedAck = SiaAnswer.decode(SiaVectors.ACK_0042_AES128, AES_128);
        assertEquals(new SiaAnswer(SiaAnswer.Kind.ACK, 42, Instant.parse("2026-11-27T10:15:31Z")), encryptedAck);
        assertFalse(encryptedAck.answers(43));
    }

    @Test
    void decode_nakWithLineBeforeReceiver_readsBoth() {
        SiaFrame frame = SiaFrameDecoder.decode(SiaFrameEncoder.wrap("\"NAK\"0000L5R6A0[]_10:16:00,11-27-2026"), null)
                .frame();
        assertEquals("6", frame.receiver());
        assertEquals("5", frame.line());
        assertEquals("0", frame.account());
    }

    @Test
    void decode_extendedData_skipped() {
        SiaFrame frame = SiaFrameDecoder.decode(SiaFrameEncoder.wrap(
                "\"SIA-DCS\"0003R0L0#1234[#1234|Nri1/BA001][X52.1][Y5.9]_10:15:30,11-27-2026"), null).frame();
        assertEquals("#1234|Nri1/BA001", frame.data());
        assertEquals(SiaVectors.AT, frame.timestamp());
    }

    @Test
    void decode_withoutTimestamp_hasNullTimestamp() {
        assertNull(SiaFrameDecoder.decode(SiaVectors.ACK_0042, null).frame().timestamp());
    }

    @Test
    void decode_badFrames_rejectedWithReason() {
        String good = SiaVectors.SIA_DCS_BA;
        assertReason("frame must be <LF>CRC LEN body<CR>", good.substring(1), null);
        assertReason("frame must be <LF>CRC LEN body<CR>", good.substring(0, good.length() - 1), null);
        assertReason("CRC 3343 does not match the body's 3342", good.replace("3342003C", "3343003C"), null);
        assertReason("length field 003D says 61 characters but the body has 60",
                good.replace("3342003C", "3342003D"), null);
        assertReason("must be 4 hex digits each", good.replace("3342003C", "3342103C"), null);
        assertReason("CRC 3342 does not match", good.replace("BA003", "BA004"), null);
    }

    @Test
    void decode_badBodies_rejectedWithReason() {
        assertReason("unknown id 'FOO'", SiaFrameEncoder.wrap("\"FOO\"0001R0L0#1234[]"), null);
        assertReason("is not \"id\"seq", SiaFrameEncoder.wrap("\"SIA-DCS\"12R0L0#1234[]"), null);
        assertReason("data has no closing ']'", SiaFrameEncoder.wrap("\"SIA-DCS\"0001R0L0#1234[#1234|NBA1"), null);
        assertReason("unexpected 'junk' after the data", SiaFrameEncoder.wrap("\"SIA-DCS\"0001R0L0#1234[]junk"), null);
        assertReason("timestamp '_25:00:00,11-27-2026' is not",
                SiaFrameEncoder.wrap("\"SIA-DCS\"0001R0L0#1234[]_25:00:00,11-27-2026"), null);
        assertReason("frame is encrypted but no key is configured", SiaVectors.SIA_DCS_BA_AES128, null);
        assertReason("wrong key?", SiaVectors.SIA_DCS_BA_AES128, AES_256);
        assertReason("not a whole number of 16-byte blocks",
                SiaFrameEncoder.wrap("\"*SIA-DCS\"0001R0L0#1234[ABCD"), AES_128);
    }

    private static void assertReason(String expected, String frame, SiaCipher cipher) {
        String message = assertThrows(SiaFrameException.class, () -> SiaFrameDecoder.decode(frame, cipher))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }
}
