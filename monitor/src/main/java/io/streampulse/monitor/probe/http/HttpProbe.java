package io.streampulse.monitor.probe.http;

import io.streampulse.monitor.probe.Probe;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeTarget;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP/HTTPS/MJPEG/snapshot check: a GET that must answer 2xx with multipart/x-mixed-replace or image/jpeg
 * and deliver a complete first JPEG within the byte budget and the target's timeout (see README.md here).
 * Fixes the original's HEAD-only check, its blind status rule and its disabled TLS verification.
 *
 * <p>One client verifies certificates (the default); a second, trusting any certificate and host name, is built
 * on first use by a target with {@code tlsVerify} false. Credentials go out as Basic auth, only to the
 * configured origin, and never into a message.
 */
public final class HttpProbe implements Probe {

    public static final long DEFAULT_BYTE_BUDGET = 4L * 1024 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final long byteBudget;
    private final Duration connectTimeout;
    private final HttpClient verifying;
    private volatile HttpClient insecure;

    /** With {@link #DEFAULT_BYTE_BUDGET} and {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public HttpProbe() {
        this(DEFAULT_BYTE_BUDGET, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * @param byteBudget     body bytes read at most while looking for the first complete JPEG
     * @param connectTimeout TCP connect limit (the target's timeout still bounds the whole check)
     */
    public HttpProbe(long byteBudget, Duration connectTimeout) {
        if (byteBudget < 1024) {
            throw new IllegalArgumentException("byteBudget must be at least 1 KiB, was " + byteBudget);
        }
        this.byteBudget = byteBudget;
        this.connectTimeout = connectTimeout;
        this.verifying = builder().build();
    }

    @Override
    public CompletableFuture<ProbeResult> check(ProbeTarget target) {
        return new HttpCheck(target.tlsVerify() ? verifying : insecureClient(), target, byteBudget).run();
    }

    private HttpClient insecureClient() {
        HttpClient client = insecure;
        if (client == null) {
            synchronized (this) {
                client = insecure;
                if (client == null) {
                    client = builder().sslContext(InsecureTls.context()).build();
                    insecure = client;
                }
            }
        }
        return client;
    }

    private HttpClient.Builder builder() {
        // HTTP/1.1 only: cameras speak it, and the JDK would otherwise send an h2c Upgrade header that some choke on.
        // Redirects are followed by HttpCheck (RedirectPolicy), so the credentials stay with their origin.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
    }
}
