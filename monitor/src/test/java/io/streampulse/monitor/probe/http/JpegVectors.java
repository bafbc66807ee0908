package io.streampulse.monitor.probe.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JPEG vectors: a real ffmpeg picture, and pictures derived from it by inserting segments. */
final class JpegVectors {

    private JpegVectors() {
    }

    /** {@code ffmpeg -f lavfi -i testsrc=size=320x240:rate=10 -frames:v 1 -q:v 5}: baseline, 320x240, 9,059 bytes. */
    static byte[] ffmpegTestsrc() {
        try (InputStream in = JpegVectors.class.getResourceAsStream("/vectors/jpeg/ffmpeg-testsrc-320x240.jpg")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jpeg} with one segment (marker, length, payload) inserted right after its SOI. */
    static byte[] withSegmentAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
