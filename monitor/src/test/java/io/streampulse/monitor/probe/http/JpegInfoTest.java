package io.streampulse.monitor.probe.http;

import static io.streampulse.monitor.probe.http.JpegVectors.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JpegInfoTest {

    @Test
    void parse_ffmpegBaselineJpeg_reads320x240() {
        assertEquals(Optional.of(new JpegInfo(320, 240, false)), JpegInfo.parse(JpegVectors.ffmpegTestsrc()));
    }

    @Test
    void parse_progressiveFrameHeader_readsSizeAndProgressive() {
        byte[] jpeg = bytes(0xFF, 0xD8,
                0xFF, 0xC2, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
                0x11, 0x01,
                0xFF, 0xD9);

        assertEquals(Optional.of(new JpegInfo(1920, 1080, true)), JpegInfo.parse(jpeg));
    }

    @Test
    void parse_fillBytesAndSegmentsBeforeTheFrameHeader_skipsThem() {
        byte[] jpeg = bytes(0xFF, 0xD8,
                0xFF, 0xFE, 0x00, 0x06, 0xFF, 0xC0, 0x00, 0x00, // a comment holding a fake SOF0
                0xFF, 0xFF, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00,
                0xFF, 0xD9);

        assertEquals(Optional.of(new JpegInfo(640, 480, false)), JpegInfo.parse(jpeg));
    }

    @Test
    void parse_huffmanTableMarkerC4_isNotAFrameHeader() {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x07, 0x00, 0x01, 0x00, 0x02, 0x00, 0xFF, 0xD9);

        assertEquals(Optional.empty(), JpegInfo.parse(jpeg));
    }

    @Test
    void parse_scanBeforeAnyFrameHeader_isEmpty() {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0xFF, 0xD9);

        assertEquals(Optional.empty(), JpegInfo.parse(jpeg));
    }

    @Test
    void parse_cutInsideTheFrameHeader_isEmpty() {
        byte[] real = JpegVectors.ffmpegTestsrc();
        int sof = indexOf(real, 0xFF, 0xC0);

        assertEquals(Optional.empty(), JpegInfo.parse(Arrays.copyOf(real, sof + 6)));
    }

    @Test
    void parse_notAJpeg_isEmpty() {
        assertEquals(Optional.empty(), JpegInfo.parse("<html>".getBytes()));
        assertEquals(Optional.empty(), JpegInfo.parse(new byte[0]));
    }

    private static int indexOf(byte[] bytes, int first, int second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == first && (bytes[i + 1] & 0xFF) == second) {
                return i;
            }
        }
        throw new AssertionError("marker not in the vector");
    }
}
