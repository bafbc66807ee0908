package io.streampulse.webgui.account;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodes_ofEightyBitsEach() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());

        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        codes.forEach(c -> assertTrue(c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"), c));
    }

    @Test
    void theHash_isSha256OfTheCode_withoutDashesSpacesOrCapitals() {
        // printf abcdefghijklmnop | sha256sum
        String sha256OfAbcdefghijklmnop = "f39dac6cbaba535e2c207cd0cd8f154974223c848f727f98b3564cea569b41cf";
        assertEquals(sha256OfAbcdefghijklmnop, RecoveryCodes.hash("abcd-efgh-ijkl-mnop"));
        assertEquals(sha256OfAbcdefghijklmnop, RecoveryCodes.hash(" ABCD EFGH-ijkl-MNOP "));
        assertNotEquals(sha256OfAbcdefghijklmnop, RecoveryCodes.hash("abcd-efgh-ijkl-mnoq"));
    }

    @Test
    void find_pointsAtTheMatchingHash_only() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());
        List<String> hashes = codes.stream().map(RecoveryCodes::hash).toList();

        assertEquals(OptionalInt.of(3), RecoveryCodes.find(hashes, codes.get(3).toUpperCase()));
        assertTrue(RecoveryCodes.find(hashes, "aaaa-aaaa-aaaa-aaaa").isEmpty());
        assertTrue(RecoveryCodes.looksLikeOne(codes.get(0)));
        assertFalse(RecoveryCodes.looksLikeOne("123456"), "a TOTP code is not a recovery code");
    }
}
