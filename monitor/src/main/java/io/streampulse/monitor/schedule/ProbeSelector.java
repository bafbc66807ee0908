package io.streampulse.monitor.schedule;

import io.streampulse.monitor.probe.Probe;
import io.streampulse.monitor.probe.ProbeResult;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Picks the check for check number {@code n} of a stream: a frame decode when the plan says so (every check for
 * {@code check: frame}, every Nth otherwise), else the protocol check for the URL's scheme.
 */
public final class ProbeSelector implements CheckRunner {

    private final Probe rtsp;
    private final Probe http;
    private final Probe frame;

    public ProbeSelector(Probe rtsp, Probe http, Probe frame) {
        this.rtsp = rtsp;
        this.http = http;
        this.frame = frame;
    }

    @Override
    public CompletableFuture<ProbeResult> run(StreamPlan plan, long n) {
        return switch (plan.kind(n)) {
            case FRAME -> frame.check(plan.target());
            case RTSP -> rtsp.check(plan.target());
            case HTTP -> http.check(plan.target());
        };
    }

    static boolean isRtsp(String scheme) {
        return scheme.toLowerCase(Locale.ROOT).startsWith("rtsp");
    }
}
