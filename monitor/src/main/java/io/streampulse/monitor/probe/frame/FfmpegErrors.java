package io.streampulse.monitor.probe.frame;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Short causes for javacv's exceptions. Why not their message: javacv writes the whole URL into it
 * ({@code Could not open input "rtsp://user:pass@…"}), so only the failing call and FFmpeg's error code are
 * kept, and the code is spelled by FFmpeg itself ({@code av_strerror}): "Connection refused",
 * "Server returned 404 Not Found", "Server returned 401 Unauthorized (authorization failed)".
 */
final class FfmpegErrors {

    private static final Pattern CALL_AND_CODE = Pattern.compile("^(\\w+)\\(\\) error (-?\\d+)");
    private static final int EIO = -5;

    private FfmpegErrors() {
    }

    static FrameGrabException describe(Exception javacv, boolean tls) {
        Matcher m = CALL_AND_CODE.matcher(String.valueOf(javacv.getMessage()));
        if (!m.find()) {
            return new FrameGrabException("decoding failed");
        }
        String stage = switch (m.group(1)) {
            case "avformat_open_input" -> "cannot open";
            case "avformat_find_stream_info" -> "cannot read the stream's format";
            default -> "decoding failed";
        };
        int code = Integer.parseInt(m.group(2));
        if (tls && code == EIO) {
            // FFmpeg's TLS layer reports a rejected certificate as a bare I/O error
            return new FrameGrabException(stage + ": TLS or I/O error (an untrusted certificate? tls_verify: false accepts it)");
        }
        return new FrameGrabException(stage + ": " + text(code));
    }

    static String text(int code) {
        byte[] buffer = new byte[avutil.AV_ERROR_MAX_STRING_SIZE];
        if (avutil.av_strerror(code, buffer, buffer.length) < 0) {
            return "FFmpeg error " + code;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
