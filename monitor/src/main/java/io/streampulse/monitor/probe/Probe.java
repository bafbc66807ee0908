package io.streampulse.monitor.probe;

import java.util.concurrent.CompletableFuture;

/**
 * One kind of check. Implementations never block the caller: the future completes with a result (never
 * exceptionally for an expected failure such as a camera being down) by the target's deadline.
 */
public interface Probe {

    CompletableFuture<ProbeResult> check(ProbeTarget target);
}
