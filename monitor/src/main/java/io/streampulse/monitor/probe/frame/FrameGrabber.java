package io.streampulse.monitor.probe.frame;

import io.streampulse.monitor.probe.ProbeTarget;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Decodes one real picture from a stream with javacv/FFmpeg, on a bounded pool, within the target's timeout.
 * (Not javacv's {@code org.bytedeco.javacv.FrameGrabber}, which this class wraps one implementation of.)
 *
 * <p>The pitfalls it handles (README.md here has the measurements):
 * <ul>
 *   <li>{@code startUnsafe()}: {@code start()} holds a JVM-wide lock while it opens, so one hung camera would
 *       stall every other grab.</li>
 *   <li>FFmpeg's own I/O timeouts ({@code timeout} for RTSP, {@code rw_timeout} for HTTP), set to half the
 *       target's timeout: javacv's {@code setTimeout} does nothing and a native call cannot be interrupted, so
 *       they are what ends a hung open and frees the pool thread (after about twice their value).</li>
 *   <li>A hard outer deadline: the future fails with "timeout after N ms" on time whatever the native side does.
 *       The grabber is released by its own worker when FFmpeg returns, never from another thread: javacv's
 *       {@code startUnsafe}/{@code release} are synchronized on the grabber (so a release from outside would
 *       block until the open ends anyway) and freeing a context FFmpeg is using would crash the JVM.</li>
 * </ul>
 */
public final class FrameGrabber {

    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https", "rtmp", "rtmps");
    private static final Path CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");
    private static final long MIN_IO_TIMEOUT_US = 500_000;
    private static final String URL_UNRESERVED = "-._~";

    private final ExecutorService pool;
    /** Loaded by the first grab; null until then. */
    private CompletableFuture<Void> natives;

    /** @param pool bounded: at most as many decodes run at once as it has threads; a full queue rejects a check */
    public FrameGrabber(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Completes with a picture, or fails with a {@link FrameGrabException} by {@code target.timeout()}, counted from
     * when the FFmpeg natives are loaded: the first grab loads them on the pool (about half a second, plus
     * extraction to {@code org.bytedeco.javacpp.cachedir} the first time) outside its deadline. Loading them at
     * start instead cost every monitor 10 MB and that half second, frame checks or not.
     */
    public CompletableFuture<GrabbedFrame> grab(ProbeTarget target) {
        CompletableFuture<Void> loaded = natives();
        if (loaded.isDone() && !loaded.isCompletedExceptionally()) {
            return grabLoaded(target);
        }
        return loaded.thenCompose(ignored -> grabLoaded(target));
    }

    private synchronized CompletableFuture<Void> natives() {
        if (natives == null) {
            try {
                natives = CompletableFuture.runAsync(FrameGrabber::loadNatives, pool);
            } catch (RejectedExecutionException e) { // the next grab tries again
                return CompletableFuture.failedFuture(
                        new FrameGrabException("no decoder free (the frame check pool is full)"));
            }
        }
        return natives;
    }

    /** Loads the natives and silences FFmpeg's stderr log, whose lines can carry stream URLs. */
    private static void loadNatives() {
        try {
            FFmpegFrameGrabber.tryLoad();
        } catch (FFmpegFrameGrabber.Exception | LinkageError e) {
            throw new FrameGrabException("cannot load the FFmpeg natives (" + e.getClass().getSimpleName() + ")");
        }
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private CompletableFuture<GrabbedFrame> grabLoaded(ProbeTarget target) {
        long timeoutMs = target.timeout().toMillis();
        CompletableFuture<GrabbedFrame> result = new CompletableFuture<>();
        Future<?> job;
        try {
            job = pool.submit(() -> {
                if (!result.isDone()) { // the deadline may have passed while this waited in the queue
                    try {
                        result.complete(decode(target));
                    } catch (FrameGrabException e) {
                        result.completeExceptionally(e);
                    } catch (RuntimeException | LinkageError e) {
                        result.completeExceptionally(new FrameGrabException("decoding failed: " + e.getClass().getSimpleName()));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new FrameGrabException("no decoder free (the frame check pool is full)"));
            return result;
        }
        CompletableFuture.delayedExecutor(timeoutMs, TimeUnit.MILLISECONDS).execute(() -> {
            if (result.completeExceptionally(new FrameGrabException("timeout after " + timeoutMs + " ms"))) {
                job.cancel(false); // drops it if still queued; a running decode ends by FFmpeg's own timeout
            }
        });
        return result;
    }

    private static GrabbedFrame decode(ProbeTarget target) {
        String scheme = scheme(target.url());
        if (!SCHEMES.contains(scheme)) {
            throw new FrameGrabException("unsupported URL scheme for a frame check: " + scheme);
        }
        long start = System.nanoTime();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(ffmpegUrl(target));
        grabber.setOptions(options(scheme, ioTimeoutMicros(target), target.tlsVerify() && Files.isReadable(CA_BUNDLE)));
        try {
            grabber.startUnsafe();
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                throw new FrameGrabException("no picture before the stream ended");
            }
            // the converter copies the pixels out of FFmpeg's buffer, which release() frees
            BufferedImage picture = new Java2DFrameConverter().convert(frame);
            long decodeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new GrabbedFrame(picture.getWidth(), picture.getHeight(), grabber.getVideoCodecName(),
                    LumaPlane.of(picture), picture, decodeMs);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw FfmpegErrors.describe(e, scheme.equals("https") || scheme.equals("rtsps") || scheme.equals("rtmps"));
        } finally {
            releaseQuietly(grabber);
        }
    }

    /** The FFmpeg options for one open; {@code ioTimeoutUs} bounds every blocking socket operation. */
    static Map<String, String> options(String scheme, long ioTimeoutUs, boolean verifyTls) {
        Map<String, String> options = new LinkedHashMap<>();
        if (scheme.startsWith("rtsp")) {
            options.put("timeout", Long.toString(ioTimeoutUs)); // socket I/O timeout in µs ("stimeout" before FFmpeg 5)
            options.put("rtsp_transport", "tcp");              // one connection, no UDP ports through firewalls
            options.put("allowed_media_types", "video");       // no audio track set-up
        } else {
            options.put("rw_timeout", Long.toString(ioTimeoutUs));
        }
        if (scheme.startsWith("http")) {
            options.put("user_agent", "StreamPulse-monitor");
        }
        if (verifyTls && scheme.endsWith("s")) {
            options.put("tls_verify", "1"); // FFmpeg does not verify certificates unless told to
            options.put("ca_file", CA_BUNDLE.toString());
        }
        options.put("analyzeduration", "1000000"); // µs of stream to look at before the first picture
        options.put("probesize", "2000000");       // bytes: one 4K MJPEG picture fits
        return options;
    }

    /** The URL FFmpeg opens: credentials percent-encoded into the user info (FFmpeg decodes them). */
    static String ffmpegUrl(ProbeTarget target) {
        URI url = target.url();
        if (!target.hasCredentials()) {
            return url.toString();
        }
        String password = target.password() == null ? "" : target.password();
        String userInfo = PercentEncoder.encode(target.username(), URL_UNRESERVED) + ":"
                + PercentEncoder.encode(password, URL_UNRESERVED);
        String rest = url.toString().substring(url.getScheme().length() + 3);
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            rest = rest.substring(at + 1); // credentials in the URL itself give way to the stream's own
        }
        return url.getScheme() + "://" + userInfo + "@" + rest;
    }

    private static long ioTimeoutMicros(ProbeTarget target) {
        return Math.max(MIN_IO_TIMEOUT_US, target.timeout().toNanos() / 1000 / 2);
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // nothing more to free; the result is already decided
        }
    }
}
