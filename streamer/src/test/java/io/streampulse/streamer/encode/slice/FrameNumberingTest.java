package io.streampulse.streamer.encode.slice;

import io.streampulse.streamer.encode.AccessUnit;
import io.streampulse.streamer.encode.EncoderSettings;
import io.streampulse.streamer.encode.H264Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real OpenH264 output with skipped pictures inserted after the keyframe and mid-GOP, its slices renumbered, decoded
 * by the real FFmpeg with {@code -xerror}: no error, each skipped picture decodes to the picture before it, and the
 * encoder's pictures decode exactly as they do in the stream without insertions.
 */
class FrameNumberingTest {

    @TempDir
    Path dir;

    @Test
    void insertedSkippedPictures_decodeAsTheirReference_andTheEncodersPicturesAsWithoutThem() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream inserted = new ByteArrayOutputStream();
        List<Integer> expected = new ArrayList<>(); // for each decoded picture of `inserted`, its picture in `plain`
        int width = 640;
        int height = 360;
        byte[] picture = new byte[width * height * 3];
        Random random = new Random(6);
        random.nextBytes(picture);
        try (H264Encoder encoder = new H264Encoder(new EncoderSettings(width, height, width, height, 1, 1_000_000))) {
            FrameNumbering numbering = null;
            for (int i = 0; i < 8; i++) {
                for (int n = 0; n < 500; n++) {
                    picture[random.nextInt(picture.length)] += 50;
                }
                AccessUnit unit = encoder.encode(picture, i * 1_000L, i == 0 || i == 5);
                if (numbering == null) {
                    numbering = new FrameNumbering(SliceSyntax.of(unit.nals().get(0), unit.nals().get(1))
                            .orElseThrow());
                }
                write(plain, unit.nals());
                write(inserted, numbering.renumber(unit.nals()));
                expected.add(i);
                int skips = switch (i) {
                    case 0 -> 7; // a new client right after the keyframe
                    case 2 -> 3; // mid-GOP
                    case 5 -> 1; // after the next keyframe (the count starts again)
                    default -> 0;
                };
                for (int s = 0; s < skips; s++) {
                    write(inserted, List.of(numbering.skipFrame()));
                    expected.add(i);
                }
            }
        }
        List<String> plainHashes = decode(plain.toByteArray(), "plain.h264");
        List<String> insertedHashes = decode(inserted.toByteArray(), "inserted.h264");
        assertEquals(8, plainHashes.size());
        assertEquals(expected.size(), insertedHashes.size());
        for (int n = 0; n < expected.size(); n++) {
            assertEquals(plainHashes.get(expected.get(n)), insertedHashes.get(n), "decoded picture " + n);
        }
    }

    private static void write(ByteArrayOutputStream out, List<byte[]> nals) {
        for (byte[] nal : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(nal);
        }
    }

    /** MD5 of each decoded picture; any decoding error fails. */
    private List<String> decode(byte[] stream, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Files.write(file, stream);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-xerror", "-f", "h264", "-i",
                file.toString(), "-f", "framemd5", "-").redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, ffmpeg.exitValue(), output);
        return output.lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.substring(line.lastIndexOf(',') + 1).strip()).toList();
    }
}
