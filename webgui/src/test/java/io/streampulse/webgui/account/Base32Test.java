package io.streampulse.webgui.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4648 §10 test vectors (padding dropped when encoding, as otpauth:// wants). */
class Base32Test {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({"'', ''", "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=", "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======"})
    void rfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded.replace("=", ""), Base32.encode(bytes));
        assertArrayEquals(bytes, Base32.decode(encoded));
        assertArrayEquals(bytes, Base32.decode(encoded.toLowerCase()), "as people type it");
    }

    @Test
    void decode_acceptsSpaces_andNamesABadCharacter() {
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("MZXW 6YTB OI"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZX1"));
        assertTrue(e.getMessage().contains("'1' at position 4"), e.getMessage());
    }
}
