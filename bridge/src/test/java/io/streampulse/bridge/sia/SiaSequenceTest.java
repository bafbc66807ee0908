package io.streampulse.bridge.sia;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiaSequenceTest {

    @Test
    void next_fresh_startsAtOne() {
        SiaSequence sequence = new SiaSequence();
        assertEquals(1, sequence.next());
        assertEquals(2, sequence.next());
    }

    @Test
    void next_after9999_wrapsToOne() {
        SiaSequence sequence = new SiaSequence(9998);
        assertEquals(9999, sequence.next());
        assertEquals(1, sequence.next());
    }

    @Test
    void constructor_outOfRange_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new SiaSequence(0));
        assertThrows(IllegalArgumentException.class, () -> new SiaSequence(10_000));
    }
}
