package io.streampulse.monitor.probe.rtsp;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.streampulse.monitor.probe.ProbeResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running check: its deadline, its channel and the single place where it ends. Every method runs on the
 * channel's event loop, so the first outcome wins without locks; the later ones (a close after a verdict,
 * a timeout after an answer) find the future done and do nothing.
 */
final class RtspCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RtspProbe.class);

    private final CompletableFuture<ProbeResult> result = new CompletableFuture<>();
    private final String streamId;
    private final String requestUri;
    private final String password;
    private final long startNanos = System.nanoTime();
    private final long timeoutMs;
    private boolean connected;
    private boolean handshaking;
    private String awaiting = "OPTIONS";
    private Channel channel;
    private ScheduledFuture<?> deadline;

    RtspCheck(String streamId, String requestUri, String password, long timeoutMs) {
        this.streamId = streamId;
        this.requestUri = requestUri;
        this.password = password == null ? "" : password;
        this.timeoutMs = timeoutMs;
    }

    CompletableFuture<ProbeResult> result() {
        return result;
    }

    /** Starts the deadline; the whole check, connect and TLS included, must fit in it. Call on the event loop. */
    void start(io.netty.channel.EventLoop loop) {
        deadline = loop.schedule(
                () -> finish(RtspVerdict.down("timeout after " + timeoutMs + " ms " + stage())), timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The channel to close when the check ends (closed at once if it already has). */
    void attach(Channel channel) {
        this.channel = channel;
        if (result.isDone()) {
            channel.close();
        }
    }

    void connected(boolean tls) {
        connected = true;
        handshaking = tls;
    }

    void handshakeDone() {
        handshaking = false;
    }

    /** The method whose answer the check now waits for. */
    void awaiting(String method) {
        awaiting = method;
    }

    /** Where a timeout struck, for its message: "waiting for the DESCRIBE answer". */
    private String stage() {
        return !connected ? "connecting" : handshaking ? "in the TLS handshake" : "waiting for the " + awaiting + " answer";
    }

    void finish(RtspVerdict verdict) {
        if (result.isDone()) {
            return;
        }
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        ProbeResult outcome = redacted(verdict).toResult(latencyMs);
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (channel != null) {
            channel.close();
        }
        LOG.debug("RTSP check of {} ({}): {} {} in {} ms", streamId, requestUri, outcome.status(), outcome.message(),
                latencyMs);
        result.complete(outcome);
    }

    /** Belt and braces: a server can echo anything, so the password is cut out of whatever we report. */
    private RtspVerdict redacted(RtspVerdict verdict) {
        if (password.isEmpty()) {
            return verdict;
        }
        Map<String, String> details = new LinkedHashMap<>();
        verdict.details().forEach((k, v) -> details.put(k, v.replace(password, "***")));
        return new RtspVerdict(verdict.status(), verdict.message().replace(password, "***"), details);
    }
}
