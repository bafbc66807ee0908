package io.streampulse.webgui.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpCodesTest {

    /** RFC 6238 appendix B's SHA-1 key */
    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-27T13:00:10Z");

    @ParameterizedTest(name = "T={0}s -> {1}")
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238AppendixBVectors(long seconds, String expected) {
        assertEquals(expected, TotpCodes.code(KEY, Instant.ofEpochSecond(seconds), 8));
        assertEquals(expected.substring(2), TotpCodes.code(KEY, Instant.ofEpochSecond(seconds)), "6 digits");
    }

    @Test
    void aCodeIsGoodForItsStepAndOneEitherSide_notTwo() {
        long step = TotpCodes.step(NOW);
        for (int offset = -1; offset <= 1; offset++) {
            String code = TotpCodes.code(KEY, NOW.plusSeconds(30L * offset));
            assertEquals(OptionalLong.of(step + offset), TotpCodes.match(KEY, code, NOW, Long.MIN_VALUE),
                    "offset " + offset);
        }
        assertTrue(TotpCodes.match(KEY, TotpCodes.code(KEY, NOW.plusSeconds(60)), NOW, Long.MIN_VALUE).isEmpty());
        assertTrue(TotpCodes.match(KEY, TotpCodes.code(KEY, NOW.minusSeconds(60)), NOW, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void aSpentStep_orAnEarlierOne_isRefused() {
        String code = TotpCodes.code(KEY, NOW);
        long step = TotpCodes.step(NOW);

        assertTrue(TotpCodes.match(KEY, code, NOW, step).isEmpty(), "the same code twice");
        assertTrue(TotpCodes.match(KEY, TotpCodes.code(KEY, NOW.minusSeconds(30)), NOW, step).isEmpty(),
                "an older code after a newer one");
        assertEquals(OptionalLong.of(step + 1),
                TotpCodes.match(KEY, TotpCodes.code(KEY, NOW.plusSeconds(30)), NOW, step), "the next one is fine");
    }

    @Test
    void malformedCodes_areRefused_spacesAreNot() {
        String code = TotpCodes.code(KEY, NOW);
        assertTrue(TotpCodes.match(KEY, code.substring(0, 3) + " " + code.substring(3), NOW, 0).isPresent());
        for (String bad : new String[] {"", "12345", "1234567", "abcdef", null}) {
            assertTrue(TotpCodes.match(KEY, bad, NOW, 0).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void otpauthUri_carriesIssuerAccountAndBase32Secret() {
        assertEquals("otpauth://totp/StreamPulse:ann%20lee?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=StreamPulse"
                        + "&algorithm=SHA1&digits=6&period=30",
                TotpCodes.otpauthUri("StreamPulse", "ann lee", KEY));
    }
}
