package io.streampulse.monitor.probe;

import java.util.Map;

/**
 * The outcome of one check of one stream: what a viewer would get.
 *
 * @param status    UP (watchable), DEGRADED (reachable but not watchable, with the reason) or DOWN
 * @param latencyMs from the start of the check to the answer that decided it
 * @param message   short, human, never containing credentials: "RTSP 200, H264 Main 1920x1080",
 *                  "RTSP 401 Unauthorized: wrong credentials", "timeout after 5000 ms", "frozen: same picture 3 checks"
 * @param kind      which check produced it
 * @param details   facts found on the way (codec, profile, width, height, content_type, ...), for the API
 */
public record ProbeResult(Status status, long latencyMs, String message, CheckKind kind, Map<String, String> details) {

    public enum Status { UP, DEGRADED, DOWN }

    public enum CheckKind { RTSP, HTTP, FRAME }

    public ProbeResult {
        details = Map.copyOf(details);
    }

    public static ProbeResult up(long latencyMs, String message, CheckKind kind, Map<String, String> details) {
        return new ProbeResult(Status.UP, latencyMs, message, kind, details);
    }

    public static ProbeResult degraded(long latencyMs, String message, CheckKind kind, Map<String, String> details) {
        return new ProbeResult(Status.DEGRADED, latencyMs, message, kind, details);
    }

    public static ProbeResult down(long latencyMs, String message, CheckKind kind) {
        return new ProbeResult(Status.DOWN, latencyMs, message, kind, Map.of());
    }
}
