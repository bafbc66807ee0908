package io.streampulse.streamer.encode;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Band geometry vectors: whole steps of the scaling ratio, even rows, a margin below the kept rows. */
class ScaledBandTest {

    @Test
    void of_vectors() {
        // 1080 -> 720 (3:2): 90 changed rows reach 60 scaled rows, + 4 for the filter; 36 steps of 3:2 leave 8 spare
        assertEquals(Optional.of(new ScaledBand(108, 72, 64)), ScaledBand.of(1080, 720, 90));
        // 1080 -> 450 (12:5, odd scaled step doubled to 24:10)
        assertEquals(Optional.of(new ScaledBand(96, 40, 30)), ScaledBand.of(1080, 450, 60));
        assertEquals(Optional.empty(), ScaledBand.of(1080, 720, 1_060), "nearly the whole picture");
        assertEquals(Optional.empty(), ScaledBand.of(1080, 720, 0), "nothing changing: a whole conversion");
    }
}
