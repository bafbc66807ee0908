package io.streampulse.monitor.probe.http;

import java.util.Optional;

/**
 * The picture size from a JPEG's frame header (pure): SOF0 (baseline), SOF1 (extended), SOF2 (progressive) and
 * the rarer SOF3/5-7/9-11/13-15, which share the layout: length, precision, height, width.
 *
 * @param progressive true for SOF2/SOF6/SOF10/SOF14
 */
public record JpegInfo(int width, int height, boolean progressive) {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    /** Walks the marker segments of a complete JPEG up to its first scan; empty if no usable frame header. */
    public static Optional<JpegInfo> parse(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return Optional.empty();
        }
        int i = 2;
        while (i + 1 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return Optional.empty();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (i + 3 >= jpeg.length) {
                return Optional.empty();
            }
            int length = u16(jpeg, i + 2);
            if (isFrameHeader(marker)) {
                return frameHeader(jpeg, i + 4, length, marker);
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<JpegInfo> frameHeader(byte[] jpeg, int body, int length, int marker) {
        // precision (1), height (2), width (2)
        if (length < 7 || body + 5 > jpeg.length) {
            return Optional.empty();
        }
        int height = u16(jpeg, body + 1);
        int width = u16(jpeg, body + 3);
        if (width == 0 || height == 0) {
            return Optional.empty(); // height 0 means "defined by a DNL segment later": not seen from cameras
        }
        return Optional.of(new JpegInfo(width, height, (marker & 0x03) == 0x02));
    }

    /** C0-CF except C4 (DHT), C8 (reserved) and CC (DAC). */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
    }
}
