package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The transcribed grammar accepts our vectors and refuses what pysiaalarm refuses, so the fake's check can fail. */
class PysiaalarmGrammarTest {

    private static final SiaCipher AES_128 = SiaCipher.fromHex(SiaVectors.KEY_128);

    @Test
    void problem_ourVectors_none() {
        assertNull(PysiaalarmGrammar.problem(SiaVectors.SIA_DCS_BA, null));
        assertNull(PysiaalarmGrammar.problem(SiaVectors.ADM_CID_OPEN, null));
        assertNull(PysiaalarmGrammar.problem(SiaVectors.NULL_9999, null));
        assertNull(PysiaalarmGrammar.problem(SiaVectors.SIA_DCS_BA_AES128, AES_128));
    }

    @Test
    void problem_withoutLineField_mainRegexFails() {
        assertEquals("pysiaalarm's main regex does not match",
                PysiaalarmGrammar.problem(SiaFrameEncoder.wrap("\"SIA-DCS\"0001R0#1234[#1234|NBA1]"), null));
    }

    @Test
    void problem_contactIdWithoutSpaces_contentRegexFails() {
        String frame = SiaFrameEncoder.wrap("\"ADM-CID\"0001R0L0#1234[#1234|113101001]_10:15:30,11-27-2026");
        assertEquals("pysiaalarm's ADM content regex does not match '#1234|113101001]_10:15:30,11-27-2026'",
                PysiaalarmGrammar.problem(frame, null));
    }

    @Test
    void problem_withoutTimestamp_named() {
        assertEquals("pysiaalarm finds no timestamp in '#1234|Nri1/BA001]'",
                PysiaalarmGrammar.problem(SiaFrameEncoder.wrap("\"SIA-DCS\"0001R0L0#1234[#1234|Nri1/BA001]"), null));
    }
}
