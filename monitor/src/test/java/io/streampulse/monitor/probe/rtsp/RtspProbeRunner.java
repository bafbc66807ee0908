package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeTarget;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One NIO event loop and an {@link RtspProbe} on it for the probe tests; {@link #check} waits for the result
 * with a margin over the target's timeout, so a probe that overruns its deadline fails the test.
 */
final class RtspProbeRunner implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RtspProbe probe;

    RtspProbeRunner() {
        this(RtspProbeOptions.defaults());
    }

    RtspProbeRunner(RtspProbeOptions options) {
        probe = new RtspProbe(group, options);
    }

    ProbeResult check(String url) {
        return check(url, null, null, TIMEOUT, true);
    }

    ProbeResult check(String url, String username, String password) {
        return check(url, username, password, TIMEOUT, true);
    }

    ProbeResult check(String url, String username, String password, Duration timeout, boolean tlsVerify) {
        ProbeTarget target = new ProbeTarget("test-cam", URI.create(url), username, password, timeout, tlsVerify);
        try {
            ProbeResult result = probe.check(target).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (password != null && !password.isEmpty()) {
                assertFalse((result.message() + result.details()).contains(password), "password in " + result);
            }
            return result;
        } catch (Exception e) {
            throw new AssertionError("the probe did not complete normally within its timeout + 1 s: " + e, e);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
