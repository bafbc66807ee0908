package io.streampulse.monitor.probe.frame;

/**
 * Numbers about one decoded picture (pure).
 *
 * @param meanLuma       average brightness, 0 (black) to 255 (white)
 * @param lumaVariance   spread of the brightness; near 0 for a picture of one colour
 * @param differenceHash 64-bit dHash of a 9x8 gray thumbnail: each bit says whether a cell is brighter than its
 *                       right neighbour. Similar scenes give close hashes (small Hamming distance), so it is
 *                       the "what the camera looks at" fingerprint exposed in the check's details.
 * @param checksum       FNV-1a 64 of every luma byte: equal only for bit-identical pictures. Frozen detection
 *                       uses this, not the dHash, because a live camera on a still scene keeps the same dHash
 *                       (sensor noise does not move 9x8 cell averages) while its pixels never repeat exactly.
 */
public record FrameStats(double meanLuma, double lumaVariance, long differenceHash, long checksum) {

    private static final int HASH_COLUMNS = 9;
    private static final int HASH_ROWS = 8;

    public static FrameStats of(LumaPlane plane) {
        byte[] luma = plane.luma();
        long sum = 0;
        long sumOfSquares = 0;
        long fnv = 0xcbf29ce484222325L;
        for (byte b : luma) {
            int y = b & 0xFF;
            sum += y;
            sumOfSquares += (long) y * y;
            fnv = (fnv ^ y) * 0x100000001b3L;
        }
        double mean = (double) sum / luma.length;
        double variance = Math.max(0, (double) sumOfSquares / luma.length - mean * mean);
        return new FrameStats(mean, variance, differenceHash(plane), fnv);
    }

    /** Bit (row * 8 + col) is set when cell (col, row) is darker than cell (col + 1, row). */
    static long differenceHash(LumaPlane plane) {
        double[][] cells = downscale(plane);
        long hash = 0;
        for (int row = 0; row < HASH_ROWS; row++) {
            for (int col = 0; col < HASH_COLUMNS - 1; col++) {
                if (cells[row][col] < cells[row][col + 1]) {
                    hash |= 1L << (row * (HASH_COLUMNS - 1) + col);
                }
            }
        }
        return hash;
    }

    /** Box average into 9x8 cells; every pixel counts once, even when the size does not divide evenly. */
    private static double[][] downscale(LumaPlane plane) {
        double[][] sums = new double[HASH_ROWS][HASH_COLUMNS];
        int[][] counts = new int[HASH_ROWS][HASH_COLUMNS];
        for (int row = 0; row < plane.height(); row++) {
            int cellRow = (int) ((long) row * HASH_ROWS / plane.height());
            for (int col = 0; col < plane.width(); col++) {
                int cellCol = (int) ((long) col * HASH_COLUMNS / plane.width());
                sums[cellRow][cellCol] += plane.at(col, row);
                counts[cellRow][cellCol]++;
            }
        }
        for (int row = 0; row < HASH_ROWS; row++) {
            for (int col = 0; col < HASH_COLUMNS; col++) {
                sums[row][col] = counts[row][col] == 0 ? 0 : sums[row][col] / counts[row][col];
            }
        }
        return sums;
    }
}
