package io.streampulse.streamer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real ffprobe/ffmpeg as RTSP clients, with FFmpeg's default probing (as NVRs built on it do). */
final class FfmpegClient {

    static final int THUMB_WIDTH = 64;
    static final int THUMB_HEIGHT = 36;

    private FfmpegClient() {
    }

    /** "codec,width,height" as ffprobe reports the first video stream. */
    static String probe(String url, String transport) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-rtsp_transport", transport,
                "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", url)
                .redirectErrorStream(true).start();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ffprobe " + url + " did not finish within 15 s");
        }
        return new String(process.getInputStream().readAllBytes()).strip();
    }

    /** ffmpeg decoding every frame to 64×36 RGB24 on its stdout, until destroyed. */
    static Process decoder(String url, String transport, int frames) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error",
                "-flags", "low_delay", "-threads", "1", "-rtsp_transport", transport, "-i", url,
                "-fps_mode", "passthrough", "-flush_packets", "1"));
        if (frames > 0) {
            command.addAll(List.of("-frames:v", String.valueOf(frames)));
        }
        command.addAll(List.of("-vf", "scale=" + THUMB_WIDTH + ":" + THUMB_HEIGHT, "-f", "rawvideo", "-pix_fmt",
                "rgb24", "pipe:1"));
        return new ProcessBuilder(command).start();
    }

    /** Reads one 64×36 frame from a decoder's stdout. */
    static byte[] nextFrame(InputStream in) throws IOException {
        return in.readNBytes(THUMB_WIDTH * THUMB_HEIGHT * 3);
    }

    /** Whether most of the frame below the header is alarm red. */
    static boolean mostlyRed(byte[] rgb) {
        int red = 0;
        int pixels = 0;
        for (int y = 8; y < THUMB_HEIGHT; y++) {
            for (int x = 0; x < THUMB_WIDTH; x++) {
                int i = (y * THUMB_WIDTH + x) * 3;
                pixels++;
                if ((rgb[i] & 0xFF) > 150 && (rgb[i + 1] & 0xFF) < 90 && (rgb[i + 2] & 0xFF) < 90) {
                    red++;
                }
            }
        }
        return red > pixels * 0.7;
    }
}
