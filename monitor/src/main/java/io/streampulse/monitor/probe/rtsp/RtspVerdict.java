package io.streampulse.monitor.probe.rtsp;

import io.streampulse.monitor.probe.ProbeResult;
import java.util.Map;

/**
 * How a check came out, before the latency is known (pure value): status, a short human message and facts.
 * The message never holds credentials: it is built from status codes, SDP facts and clipped server text.
 */
public record RtspVerdict(ProbeResult.Status status, String message, Map<String, String> details) {

    public RtspVerdict {
        details = Map.copyOf(details);
    }

    public static RtspVerdict down(String message) {
        return new RtspVerdict(ProbeResult.Status.DOWN, message, Map.of());
    }

    public ProbeResult toResult(long latencyMs) {
        return new ProbeResult(status, latencyMs, message, ProbeResult.CheckKind.RTSP,
                details);
    }
}
