package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written padding against the String.format patterns it replaces, and the timestamp field. */
class SiaDigitsTest {

    @Test
    void decimal_padsLikeFormatAndNeverCuts() {
        for (int value : new int[] {0, 7, 42, 999, 1000, 9999, 12345, -5}) {
            assertEquals(String.format("%03d", value), SiaDigits.decimal(value, 3), "zone " + value);
            assertEquals(String.format("%04d", value), SiaDigits.decimal(value, 4), "sequence " + value);
        }
    }

    @Test
    void hex_upperCasePaddedLikeFormat() {
        for (int value : new int[] {0, 0x1F, 0xABC, 0xFFFF, 0x1ABCD}) {
            assertEquals(String.format("%04X", value), SiaDigits.hex(value, 4));
        }
    }

    @Test
    void timestamp_formatsUtcFieldsAndRoundTrips() {
        Instant at = Instant.parse("2026-01-02T03:04:05.987Z");
        assertEquals("_03:04:05,01-02-2026", SiaTimestamp.format(at));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), SiaTimestamp.parse(SiaTimestamp.format(at)));
        assertEquals("_23:59:59,12-31-1999", SiaTimestamp.format(Instant.parse("1999-12-31T23:59:59Z")));
    }
}
