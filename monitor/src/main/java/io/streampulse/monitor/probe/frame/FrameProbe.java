package io.streampulse.monitor.probe.frame;

import io.streampulse.monitor.probe.Probe;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.CheckKind;
import io.streampulse.monitor.probe.ProbeTarget;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The frame check: decode a real picture ({@link FrameGrabber}), keep it as the stream's thumbnail
 * ({@link ThumbnailStore}), and tell a watchable picture from a black, blank or frozen one ({@link FramePolicy},
 * {@link FrozenDetector}). UP "frame 1920x1080 decoded"; DEGRADED with the picture's problem; DOWN with the
 * reason no picture came (see README.md here).
 */
public final class FrameProbe implements Probe {

    private final FrameGrabber grabber;
    private final FrozenDetector frozen;
    private final ThumbnailStore thumbnails;

    public FrameProbe(FrameGrabber grabber, FrozenDetector frozen, ThumbnailStore thumbnails) {
        this.grabber = grabber;
        this.frozen = frozen;
        this.thumbnails = thumbnails;
    }

    @Override
    public CompletableFuture<ProbeResult> check(ProbeTarget target) {
        long start = System.nanoTime();
        return grabber.grab(target).handle((frame, error) -> {
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (error != null) {
                return failed(error, latencyMs);
            }
            try {
                return judge(target, frame, latencyMs);
            } catch (RuntimeException bug) {
                return failed(bug, latencyMs); // the contract: a result, never an exceptional future
            }
        });
    }

    private ProbeResult judge(ProbeTarget target, GrabbedFrame frame, long latencyMs) {
        FrameStats stats = FrameStats.of(frame.luma());
        int sameChecks = frozen.record(target.streamId(), stats.checksum());
        Map<String, String> details = new HashMap<>();
        details.put("width", Integer.toString(frame.width()));
        details.put("height", Integer.toString(frame.height()));
        details.put("codec", String.valueOf(frame.codec()));
        details.put("decode_ms", Long.toString(frame.decodeMs()));
        details.put("mean_luma", Long.toString(Math.round(stats.meanLuma())));
        details.put("picture_hash", String.format(Locale.ROOT, "%016x", stats.differenceHash()));
        try {
            details.put("thumbnail", thumbnails.write(target.streamId(), frame.picture()).toString());
        } catch (IOException | RuntimeException e) {
            // a full disk must not turn a watchable stream into a failed check
            details.put("thumbnail_error", e.getClass().getSimpleName());
        }
        Optional<String> problem = FramePolicy.problem(stats, sameChecks, frozen.frozenAfter());
        return problem.map(why -> ProbeResult.degraded(latencyMs, why, CheckKind.FRAME, details))
                .orElseGet(() -> ProbeResult.up(latencyMs, "frame " + frame.width() + "x" + frame.height() + " decoded",
                        CheckKind.FRAME, details));
    }

    private static ProbeResult failed(Throwable error, long latencyMs) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause instanceof FrameGrabException ? cause.getMessage()
                : "frame check failed: " + cause.getClass().getSimpleName();
        return ProbeResult.down(latencyMs, message, CheckKind.FRAME);
    }
}
