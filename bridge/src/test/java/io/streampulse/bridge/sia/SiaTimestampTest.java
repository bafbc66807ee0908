package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DC-09 timestamp both ways, by hand: vectors, a round trip over random instants, and what is refused. */
class SiaTimestampTest {

    @Test
    void vector_bothWays() {
        Instant at = Instant.parse("2026-11-27T04:05:09Z");
        assertEquals("_04:05:09,11-27-2026", SiaTimestamp.format(at));
        assertEquals(at, SiaTimestamp.parse("_04:05:09,11-27-2026"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), SiaTimestamp.parse("_23:59:59,02-29-2024"), "leap day");
    }

    @Test
    void randomInstants_roundTripToTheSecond() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            // years 2000-2099
            Instant at = Instant.ofEpochMilli(random.nextLong(946_684_800_000L, 4_102_444_800_000L));
            assertEquals(at.truncatedTo(ChronoUnit.SECONDS), SiaTimestamp.parse(SiaTimestamp.format(at)),
                    at.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_04:05:09,11-27-202", "04:05:09,11-27-2026_", "_04-05-09,11-27-2026",
            "_04:05:09 11-27-2026", "_0a:05:09,11-27-2026", "_04:05:09,13-27-2026", "_04:05:09,02-30-2026",
            "_24:00:00,11-27-2026", "_04:60:09,11-27-2026", "_-4:05:09,11-27-2026"})
    void malformedOrImpossible_refusedWithTheField(String field) {
        SiaFrameException e = assertThrows(SiaFrameException.class, () -> SiaTimestamp.parse(field));
        assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
    }
}
