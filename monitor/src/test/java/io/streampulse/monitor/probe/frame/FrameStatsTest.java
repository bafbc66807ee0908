package io.streampulse.monitor.probe.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameStatsTest {

    @Test
    void of_allBlack_meanAndVarianceZero() {
        FrameStats stats = FrameStats.of(plane(64, 48, (col, row) -> 0));

        assertEquals(0.0, stats.meanLuma());
        assertEquals(0.0, stats.lumaVariance());
    }

    @Test
    void of_halfBlackHalfWhite_meanMidGreyAndLargeVariance() {
        FrameStats stats = FrameStats.of(plane(64, 48, (col, row) -> col < 32 ? 0 : 255));

        assertEquals(127.5, stats.meanLuma(), 1e-9);
        assertEquals(127.5 * 127.5, stats.lumaVariance(), 1e-6);
    }

    @Test
    void differenceHash_brighteningToTheRight_setsAll64Bits() {
        assertEquals(-1L, FrameStats.of(plane(90, 80, (col, row) -> col * 2)).differenceHash());
    }

    @Test
    void differenceHash_darkeningToTheRight_setsNoBit() {
        assertEquals(0L, FrameStats.of(plane(90, 80, (col, row) -> 255 - col * 2)).differenceHash());
    }

    @Test
    void differenceHash_sizeNotDividingIntoCells_countsEveryPixel() {
        assertEquals(-1L, FrameStats.of(plane(100, 75, (col, row) -> col * 2)).differenceHash());
    }

    @Test
    void stats_sameSceneWithFreshSensorNoise_sameDHashButDifferentChecksum() {
        Random noise = new Random(7);
        LumaPlane first = plane(320, 240, (col, row) -> 40 + col / 2 + noise.nextInt(5));
        LumaPlane second = plane(320, 240, (col, row) -> 40 + col / 2 + noise.nextInt(5));

        FrameStats a = FrameStats.of(first);
        FrameStats b = FrameStats.of(second);

        assertTrue(Long.bitCount(a.differenceHash() ^ b.differenceHash()) <= 2,
                "a perceptual hash cannot tell a still live scene from a frozen one");
        assertNotEquals(a.checksum(), b.checksum(), "the checksum can: the pixels never repeat exactly");
        assertEquals(a.checksum(), FrameStats.of(new LumaPlane(320, 240, first.luma().clone())).checksum());
    }

    @Test
    void lumaPlane_bgrRasterAndGenericImage_giveTheSameBt601Luma() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage image = new BufferedImage(4, 2, type);
            image.setRGB(0, 0, Color.RED.getRGB());
            image.setRGB(1, 0, Color.GREEN.getRGB());
            image.setRGB(2, 0, Color.BLUE.getRGB());
            image.setRGB(3, 0, Color.WHITE.getRGB());

            LumaPlane luma = LumaPlane.of(image);

            assertEquals(77, luma.at(0, 0), "red, type " + type); // 0.299 * 255 = 76.2; integer weights round up
            assertEquals(149, luma.at(1, 0), "green, type " + type);
            assertEquals(29, luma.at(2, 0), "blue, type " + type);
            assertEquals(255, luma.at(3, 0), "white, type " + type);
            assertEquals(0, luma.at(0, 1), "black, type " + type);
        }
    }

    interface Pixel {
        int at(int col, int row);
    }

    static LumaPlane plane(int width, int height, Pixel pixel) {
        byte[] luma = new byte[width * height];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                luma[row * width + col] = (byte) Math.min(255, Math.max(0, pixel.at(col, row)));
            }
        }
        return new LumaPlane(width, height, luma);
    }
}
