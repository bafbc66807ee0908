package io.streampulse.monitor.probe.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrozenDetectorTest {

    @Test
    void record_samePictureAgain_countsConsecutiveChecks() {
        FrozenDetector detector = new FrozenDetector();

        assertEquals(1, detector.record("cam", 42L));
        assertEquals(2, detector.record("cam", 42L));
        assertEquals(3, detector.record("cam", 42L));
        assertEquals(3, detector.frozenAfter());
    }

    @Test
    void record_pictureChanges_startsCountingAgain() {
        FrozenDetector detector = new FrozenDetector(2);
        detector.record("cam", 42L);
        detector.record("cam", 42L);

        assertEquals(1, detector.record("cam", 43L));
        assertEquals(2, detector.record("cam", 43L));
    }

    @Test
    void record_twoStreams_keepSeparateCounts() {
        FrozenDetector detector = new FrozenDetector();
        detector.record("front", 1L);
        detector.record("front", 1L);

        assertEquals(1, detector.record("back", 1L), "the same picture on another stream is another streak");
        assertEquals(3, detector.record("front", 1L));
    }

    @Test
    void forget_removedStream_startsFresh() {
        FrozenDetector detector = new FrozenDetector();
        detector.record("cam", 7L);
        detector.record("cam", 7L);

        detector.forget("cam");

        assertEquals(1, detector.record("cam", 7L));
    }

    @Test
    void constructor_fewerThanTwoChecks_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new FrozenDetector(1));
    }
}
