package io.streampulse.monitor.probe.frame;

import java.util.Optional;

/**
 * What is wrong with a decoded picture, if anything (pure). Checked in this order, the first match wins:
 * black, then blank (one colour), then frozen.
 */
public final class FramePolicy {

    /** Below this mean luma a low-contrast picture is black: video black is 16, a capped lens or dead IR 0-16. */
    static final double BLACK_MAX_MEAN = 20;
    /** Standard deviation 10: a dark scene with any light in it (a street lamp, a lit window) spreads far more. */
    static final double BLACK_MAX_VARIANCE = 100;
    /**
     * Standard deviation 4, any brightness: "no signal" screens and grey/blue fills. Compression noise on a flat
     * picture stays under 2; a real scene, even a white wall, has vignetting and texture above 4.
     */
    static final double BLANK_MAX_VARIANCE = 16;

    private FramePolicy() {
    }

    /**
     * @param sameChecks  consecutive checks with this very picture, from {@link FrozenDetector#record}
     * @param frozenAfter the detector's threshold
     */
    public static Optional<String> problem(FrameStats stats, int sameChecks, int frozenAfter) {
        if (stats.meanLuma() < BLACK_MAX_MEAN && stats.lumaVariance() < BLACK_MAX_VARIANCE) {
            return Optional.of("black picture (mean luma " + Math.round(stats.meanLuma()) + ")");
        }
        if (stats.lumaVariance() < BLANK_MAX_VARIANCE) {
            return Optional.of("blank picture (uniform colour)");
        }
        if (sameChecks >= frozenAfter) {
            return Optional.of("frozen: the picture has not changed in " + sameChecks + " frame checks");
        }
        return Optional.empty();
    }
}
