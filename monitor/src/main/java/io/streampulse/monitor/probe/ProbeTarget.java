package io.streampulse.monitor.probe;

import java.net.URI;
import java.time.Duration;

/**
 * What to check, as the probes need it: the URL without credentials, the credentials apart (from the stream's
 * username/password or the URL's userinfo), the deadline for the whole check and whether to verify TLS.
 */
public record ProbeTarget(String streamId, URI url, String username, String password, Duration timeout,
                          boolean tlsVerify) {

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }
}
