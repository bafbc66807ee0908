package io.streampulse.monitor.schedule;

import io.streampulse.monitor.probe.ProbeResult;

import java.util.concurrent.CompletableFuture;

/** Runs check number {@code n} of a stream: picks the probe (RTSP, HTTP or a frame decode) and starts it. */
@FunctionalInterface
public interface CheckRunner {

    CompletableFuture<ProbeResult> run(StreamPlan plan, long n);
}
