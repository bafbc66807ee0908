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
}
