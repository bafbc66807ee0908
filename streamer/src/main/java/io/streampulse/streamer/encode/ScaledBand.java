package io.streampulse.streamer.encode;

import java.util.Optional;

/**
 * Which rows to scale when only the top rows of a picture changed and it is scaled down (the sub profile; pure).
 * swscale's vertical filter for a row depends only on the scaling ratio and the rows around it, except near the
 * bottom edge of its input, where it clamps. So the top {@code sourceRows} rows, a whole number of ratio steps, are
 * scaled on their own (same ratio, so same filter) into {@code scaledRows} rows, of which the top {@code keptRows}
 * (the changed rows' reach plus the filter's) replace those of the last whole picture; the rows in between are the
 * margin where the band's clamped bottom edge differs. Bit for bit the same as scaling the whole picture (a test
 * compares the bitstreams at every sub size offered).
 *
 * @param sourceRows rows of the source picture to scale
 * @param scaledRows rows they scale to (even: 4:2:0)
 * @param keptRows   rows of the scaled band to keep (even)
 */
record ScaledBand(int sourceRows, int scaledRows, int keptRows) {

    /** Scaled rows kept beyond those the changed rows map to: an area filter's reach when scaling down. */
    static final int FILTER_ROWS = 4;
    /** Scaled rows at the band's bottom that are not kept: where its clamped edge differs. */
    static final int EDGE_ROWS = 8;

    /** The band for {@code changingRows} changed rows, or empty when it would not be smaller than the picture. */
    static Optional<ScaledBand> of(int sourceHeight, int scaledHeight, int changingRows) {
        int gcd = gcd(sourceHeight, scaledHeight);
        int stepSource = sourceHeight / gcd;
        int stepScaled = scaledHeight / gcd;
        if (stepScaled % 2 != 0) {
            stepSource *= 2;
            stepScaled *= 2;
        }
        int kept = (int) Math.ceil((double) changingRows * scaledHeight / sourceHeight) + FILTER_ROWS;
        kept += kept % 2;
        int steps = (kept + EDGE_ROWS + stepScaled - 1) / stepScaled;
        if (changingRows <= 0 || steps * stepSource >= sourceHeight) {
            return Optional.empty();
        }
        return Optional.of(new ScaledBand(steps * stepSource, steps * stepScaled, kept));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
