package io.streampulse.monitor.schedule;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeTarget;
import io.streampulse.shared.config.MonitorSection;
import io.streampulse.shared.config.StreamEntry;

import java.net.URI;
import java.time.Duration;

/**
 * Everything the scheduler needs about one stream, resolved from its config entry and the defaults
 * ({@code monitor} section, {@code heartbeat_seconds}). Credentials come from the entry or the URL's userinfo;
 * the URL kept here has none.
 */
public record StreamPlan(String streamId, String name, ProbeTarget target, long intervalMs, long retryIntervalMs,
                         int retries, boolean frameEveryCheck, int frameCheckEvery, String host) {

    public static StreamPlan of(StreamEntry entry, int heartbeatSeconds, MonitorSection monitor) {
        URI url = URI.create(entry.url());
        String username = entry.username();
        String password = entry.password().value();
        if (url.getUserInfo() != null && username.isEmpty()) {
            String[] parts = url.getUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        URI clean = url.getUserInfo() == null ? url : URI.create(entry.url().replaceFirst("//[^@/]*@", "//"));
        Duration timeout = Duration.ofSeconds(entry.timeoutSeconds().orElse(monitor.timeoutSeconds()));
        return new StreamPlan(entry.id(), entry.name(),
                new ProbeTarget(entry.id(), clean, username, password, timeout, entry.tlsVerify()),
                entry.intervalSeconds().orElse(heartbeatSeconds) * 1000L,
                entry.retryIntervalSeconds().orElse(monitor.retryIntervalSeconds()) * 1000L,
                entry.retries().orElse(monitor.retries()),
                entry.check() == StreamEntry.CheckKind.FRAME,
                monitor.frameCheckEvery(),
                clean.getHost() + ":" + clean.getPort());
    }

    /** True when check number {@code n} (0-based) decodes a frame instead of a protocol check. */
    public boolean frameCheck(long n) {
        return frameEveryCheck || frameCheckEvery > 0 && n % frameCheckEvery == frameCheckEvery - 1;
    }

    /** The kind of check number {@code n}: a frame decode, or the protocol check for the URL's scheme. */
    public ProbeResult.CheckKind kind(long n) {
        if (frameCheck(n)) {
            return ProbeResult.CheckKind.FRAME;
        }
        return ProbeSelector.isRtsp(target.url().getScheme()) ? ProbeResult.CheckKind.RTSP
                : ProbeResult.CheckKind.HTTP;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
