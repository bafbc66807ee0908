package io.streampulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real JPEG pictures for {@link MjpegServer}, made by the ffmpeg CLI at start. Why: checked-in or hand-made
 * bytes would only prove that the probes read what the test author wrote; ffmpeg's encoder makes the markers,
 * stuffing and Huffman tables a camera makes.
 *
 * @param moving  50 different testsrc pictures (a moving pattern and a frame counter), 320x240
 * @param frozen  one testsrc picture, served again and again
 * @param black   one all-black picture, 320x240
 */
record MjpegFrames(List<byte[]> moving, byte[] frozen, byte[] black) {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int MOVING_FRAMES = 50;

    static MjpegFrames generate(Path dir) {
        String ffmpeg = Binaries.require("ffmpeg", "ffmpeg").toString();
        Path log = dir.resolve("ffmpeg.log");
        String size = "size=" + WIDTH + "x" + HEIGHT;
        encode(ffmpeg, dir, log, "testsrc=" + size + ":rate=10", MOVING_FRAMES, "moving-%03d.jpg");
        encode(ffmpeg, dir, log, "color=black:" + size, 1, "black-%03d.jpg");
        List<byte[]> moving = read(dir, "moving-");
        if (moving.size() != MOVING_FRAMES) {
            throw new IllegalStateException("ffmpeg made " + moving.size() + " moving frames, expected "
                    + MOVING_FRAMES + "; see " + log);
        }
        return new MjpegFrames(moving, moving.get(0), read(dir, "black-").get(0));
    }

    private static void encode(String ffmpeg, Path dir, Path log, String source, int frames, String pattern) {
        Commands.run(dir, log, List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", source, "-frames:v", Integer.toString(frames), "-q:v", "5",
                dir.resolve(pattern).toString()));
    }

    private static List<byte[]> read(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            List<byte[]> pictures = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                pictures.add(Files.readAllBytes(file));
            }
            return pictures;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the frames ffmpeg wrote to " + dir, e);
        }
    }
}
