package io.streampulse.monitor.probe.frame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The brightness of a decoded picture, one byte per pixel, row after row (pure). Computed with the BT.601
 * weights (0.299 R + 0.587 G + 0.114 B) on full-range RGB, so black is 0 and white 255.
 */
public record LumaPlane(int width, int height, byte[] luma) {

    public LumaPlane {
        if (width <= 0 || height <= 0 || luma.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " plane needs " + (long) width * height
                    + " bytes, got " + luma.length);
        }
    }

    /** From any image; the fast path reads a TYPE_3BYTE_BGR raster (what javacv's converter makes) directly. */
    public static LumaPlane of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] luma = new byte[width * height];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == width * height * 3) {
            byte[] bgr = buffer.getData();
            for (int i = 0, p = 0; i < luma.length; i++, p += 3) {
                luma[i] = (byte) y(bgr[p + 2] & 0xFF, bgr[p + 1] & 0xFF, bgr[p] & 0xFF);
            }
        } else {
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    int rgb = image.getRGB(col, row);
                    luma[row * width + col] = (byte) y(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
                }
            }
        }
        return new LumaPlane(width, height, luma);
    }

    /** Integer BT.601: (77 R + 150 G + 29 B) / 256, rounded. */
    static int y(int r, int g, int b) {
        return (77 * r + 150 * g + 29 * b + 128) >> 8;
    }

    public int at(int col, int row) {
        return luma[row * width + col] & 0xFF;
    }
}
