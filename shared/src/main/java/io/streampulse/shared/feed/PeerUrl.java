package io.streampulse.shared.feed;

import java.net.URI;

/**
 * Where one StreamPulse process finds another: {@code STREAMPULSE_<NAME>_URL} when set (tests, split deployments),
 * else the process on this host at {@code STREAMPULSE_<NAME>_PORT}, which the suite's environment script sets for
 * every process (pure).
 */
public final class PeerUrl {

    private PeerUrl() {
    }

    /** The explicit URL without trailing slashes (paths are resolved against it), else 127.0.0.1 at the port. */
    public static URI of(String explicitUrl, int port) {
        return URI.create(explicitUrl == null || explicitUrl.isBlank() ? "http://127.0.0.1:" + port
                : explicitUrl.strip().replaceAll("/+$", ""));
    }
}
