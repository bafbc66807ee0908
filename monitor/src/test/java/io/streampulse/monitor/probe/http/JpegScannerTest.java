package io.streampulse.monitor.probe.http;

import static io.streampulse.monitor.probe.http.JpegVectors.bytes;
import static io.streampulse.monitor.probe.http.JpegVectors.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JpegScannerTest {

    private static final byte[] REAL = JpegVectors.ffmpegTestsrc();
    private static final byte[] PART_HEADERS =
            "--frame\r\nContent-Type: image/jpeg\r\nContent-Length: 9059\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void feed_realJpegInOneChunk_findsItWhole() {
        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(ByteBuffer.wrap(REAL)));
        assertArrayEquals(REAL, scanner.jpeg());
        assertTrue(count(REAL, 0xFF, 0x00) > 10, "the vector exercises byte stuffing (FF00) in entropy data");
    }

    @Test
    void feed_realJpegSplitAtEveryByteBoundary_findsTheSamePicture() {
        for (int split = 1; split < REAL.length; split++) {
            JpegScanner scanner = new JpegScanner(1 << 20);
            assertEquals(JpegScanner.State.NEED_MORE, scanner.feed(REAL, 0, split), "first part up to " + split);
            assertEquals(JpegScanner.State.FOUND, scanner.feed(REAL, split, REAL.length - split), "split at " + split);
            assertArrayEquals(REAL, scanner.jpeg(), "split at " + split);
        }
    }

    @Test
    void feed_oneByteAtATime_findsTheSamePicture() {
        JpegScanner scanner = new JpegScanner(1 << 20);
        for (int i = 0; i < REAL.length - 1; i++) {
            assertEquals(JpegScanner.State.NEED_MORE, scanner.feed(REAL, i, 1), "byte " + i);
        }
        assertEquals(JpegScanner.State.FOUND, scanner.feed(REAL, REAL.length - 1, 1));
        assertArrayEquals(REAL, scanner.jpeg());
    }

    @Test
    void feed_multipartPartWithHeadersAndNextPart_returnsOnlyThePicture() {
        byte[] stream = concat(PART_HEADERS, REAL, "\r\n".getBytes(StandardCharsets.US_ASCII), PART_HEADERS, REAL);
        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(stream, 0, stream.length));
        assertArrayEquals(REAL, scanner.jpeg());
        assertEquals(PART_HEADERS.length + REAL.length, scanner.bytesFed(), "reading stops at the EOI");
    }

    @Test
    void feed_ffd9InsideCommentSegment_isNotTakenForTheEnd() {
        byte[] comment = concat("camera ".getBytes(StandardCharsets.US_ASCII), bytes(0xFF, 0xD9, 0xFF, 0xD8), bytes(0x41));
        byte[] jpeg = JpegVectors.withSegmentAfterSoi(REAL, 0xFE, comment);

        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(jpeg, 0, jpeg.length));
        assertArrayEquals(jpeg, scanner.jpeg());
    }

    @Test
    void feed_exifThumbnailInApp1_returnsTheOuterPicture() {
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), REAL);
        byte[] jpeg = JpegVectors.withSegmentAfterSoi(REAL, 0xE1, exif);

        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(jpeg, 0, jpeg.length));
        assertEquals(jpeg.length, scanner.jpeg().length, "the thumbnail's EOI is inside APP1, not the end");
    }

    @Test
    void feed_restartMarkersAndFillBytesInScan_findsTheEoiAfterThem() {
        byte[] jpeg = bytes(0xFF, 0xD8,
                0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
                0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD7, 0x78, 0xFF, 0xFF, 0xD9);
        byte[] stream = concat(jpeg, bytes(0xAA, 0xFF, 0xD9));
        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(stream, 0, stream.length));
        assertArrayEquals(jpeg, scanner.jpeg());
    }

    @Test
    void feed_truncatedJpeg_needsMore() {
        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.NEED_MORE, scanner.feed(REAL, 0, REAL.length / 2));
        assertThrows(IllegalStateException.class, scanner::jpeg);
    }

    @Test
    void feed_truncatedPictureThenAWholeOne_findsTheWholeOne() {
        byte[] stream = concat(PART_HEADERS, Arrays.copyOf(REAL, REAL.length / 2), PART_HEADERS, REAL);
        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(stream, 0, stream.length));
        assertArrayEquals(REAL, scanner.jpeg(), "a SOI where a marker should be starts the search again");
    }

    @Test
    void feed_eoiBeforeAnyScan_isNotAPicture() {
        byte[] stream = concat(bytes(0xFF, 0xD8, 0xFF, 0xD9), REAL);
        JpegScanner scanner = new JpegScanner(1 << 20);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(stream, 0, stream.length));
        assertArrayEquals(REAL, scanner.jpeg());
    }

    @Test
    void feed_moreBytesThanTheBudgetWithoutEoi_exceedsTheBudgetAtExactlyThatCount() {
        JpegScanner scanner = new JpegScanner(4096);

        assertEquals(JpegScanner.State.NEED_MORE, scanner.feed(REAL, 0, 4000));
        assertEquals(JpegScanner.State.BUDGET_EXCEEDED, scanner.feed(REAL, 4000, 1000));
        assertEquals(4096, scanner.bytesFed());
        assertEquals(JpegScanner.State.BUDGET_EXCEEDED, scanner.feed(REAL, 5000, REAL.length - 5000),
                "nothing is read past the budget");
    }

    @Test
    void feed_noJpegAtAll_exceedsTheBudget() {
        byte[] html = "<html><body>login</body></html>".repeat(200).getBytes(StandardCharsets.US_ASCII);
        JpegScanner scanner = new JpegScanner(2048);

        assertEquals(JpegScanner.State.BUDGET_EXCEEDED, scanner.feed(html, 0, html.length));
    }

    @Test
    void feed_afterFound_ignoresInputAndKeepsThePicture() {
        JpegScanner scanner = new JpegScanner(1 << 20);
        scanner.feed(REAL, 0, REAL.length);

        assertEquals(JpegScanner.State.FOUND, scanner.feed(bytes(0xFF, 0xD8, 0x00), 0, 3));
        assertArrayEquals(REAL, scanner.jpeg());
        assertEquals(REAL.length, scanner.bytesFed());
    }

    private static int count(byte[] bytes, int first, int second) {
        int n = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == first && (bytes[i + 1] & 0xFF) == second) {
                n++;
            }
        }
        return n;
    }
}
