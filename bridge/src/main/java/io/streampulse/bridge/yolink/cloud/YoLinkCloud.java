package io.streampulse.bridge.yolink.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.bridge.yolink.RetryBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The YoLink cloud's HTTP side: an access token by client credentials (UAID + secret key), renewed on a timer at
 * 80 % of its lifetime (not lazily; the MQTT session is told and reconnects with it), and the two Home methods.
 * JDK {@link HttpClient}: no extra dependency, usable outside a Micronaut context, per-request timeouts.
 * Calls block (up to {@link #TIMEOUT}); run them off event loops.
 */
public final class YoLinkCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YoLinkCloud.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final RetryBackoff RENEW_RETRY = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    private final YoLinkEndpoints endpoints;
    private final String uaid;
    private final String secret;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final HttpClient http;
    private final List<Consumer<AccessToken>> renewalListeners = new CopyOnWriteArrayList<>();
    private volatile AccessToken token;
    private volatile CloudStatus status;
    private ScheduledFuture<?> renewal;
    private int failedRenewals;
    private volatile boolean closed;

    public YoLinkCloud(YoLinkEndpoints endpoints, String uaid, String secret, ScheduledExecutorService scheduler,
                       LongSupplier clock) {
        this.endpoints = endpoints;
        this.uaid = uaid.trim();
        this.secret = secret.trim();
        this.scheduler = scheduler;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.status = CloudStatus.starting(clock.getAsLong());
    }

    /** Gets the first token now (on the scheduler) and keeps renewing it. */
    public void start() {
        scheduleRenewal(0);
    }

    /** Called with each new token, on the scheduler thread. */
    public void onTokenRenewed(Consumer<AccessToken> listener) {
        renewalListeners.add(listener);
    }

    /** The current token if it is still valid; never blocks. */
    public Optional<AccessToken> currentToken() {
        AccessToken current = token;
        return current != null && current.validAt(clock.getAsLong()) ? Optional.of(current) : Optional.empty();
    }

    /** A valid token, fetching one now if there is none. */
    public AccessToken token() throws YoLinkCloudException {
        Optional<AccessToken> current = currentToken();
        return current.isPresent() ? current.get() : renewToken();
    }

    /** Asks for a new token now; on success the next renewal is scheduled and listeners are told. */
    public synchronized AccessToken renewToken() throws YoLinkCloudException {
        String form = "grant_type=client_credentials&client_id=" + encode(uaid) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(endpoints.token()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        AccessToken fresh;
        try {
            HttpResponse<String> response = send(request, "token endpoint");
            fresh = YoLinkResponses.token(response.statusCode(), response.body(), clock.getAsLong());
        } catch (YoLinkCloudException e) {
            status = CloudStatus.failed(e, clock.getAsLong(), token);
            throw e;
        }
        token = fresh;
        failedRenewals = 0;
        status = CloudStatus.ok(clock.getAsLong(), fresh);
        LOG.info("YoLink access token obtained from {} (valid {} s, renewal in {} ms)", endpoints.token().getHost(),
                fresh.expiresInSeconds(), fresh.renewAtMillis() - fresh.obtainedAtMillis());
        scheduleRenewal(fresh.renewAtMillis() - clock.getAsLong());
        for (Consumer<AccessToken> listener : renewalListeners) {
            scheduler.execute(() -> listener.accept(fresh));
        }
        return fresh;
    }

    /** {@code Home.getGeneralInfo}: the home id. */
    public String homeId() throws YoLinkCloudException {
        return YoLinkResponses.homeId(call("Home.getGeneralInfo"));
    }

    /** {@code Home.getDeviceList}: every device with every field, including its net token. */
    public List<YoLinkDevice> deviceList() throws YoLinkCloudException {
        return YoLinkResponses.devices(call("Home.getDeviceList"));
    }

    public CloudStatus status() {
        return status;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    /** One API call; a refused token is renewed once and the call repeated. */
    private JsonNode call(String method) throws YoLinkCloudException {
        try {
            return callWith(token(), method);
        } catch (YoLinkCloudException e) {
            if (e.reason() != YoLinkCloudException.Reason.TOKEN_REJECTED) {
                throw e;
            }
            LOG.info("YoLink refused the access token for {} ({}); renewing it", method, e.getMessage());
            return callWith(renewToken(), method);
        }
    }

    private JsonNode callWith(AccessToken accessToken, String method) throws YoLinkCloudException {
        String body = "{\"method\":\"" + method + "\",\"time\":" + clock.getAsLong() + "}";
        HttpRequest request = HttpRequest.newBuilder(endpoints.api()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken.value())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request, method);
        return YoLinkResponses.data(method, response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws YoLinkCloudException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new YoLinkCloudException(YoLinkCloudException.Reason.UNREACHABLE, what + " at "
                    + request.uri().getHost() + ":" + request.uri().getPort() + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YoLinkCloudException(YoLinkCloudException.Reason.UNREACHABLE, what + ": interrupted");
        }
    }

    private synchronized void scheduleRenewal(long delayMillis) {
        if (closed) {
            return;
        }
        if (renewal != null) {
            renewal.cancel(false);
        }
        renewal = scheduler.schedule(this::renewOnSchedule, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    private void renewOnSchedule() {
        if (closed) {
            return;
        }
        try {
            renewToken();
        } catch (YoLinkCloudException e) {
            long retry = RENEW_RETRY.delay(failedRenewals++, ThreadLocalRandom.current().nextDouble()).toMillis();
            if (failedRenewals == 1) {
                LOG.warn("YoLink token renewal failed: {}; retrying with backoff (next in {} ms)", e.getMessage(),
                        retry);
            }
            scheduleRenewal(retry);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
