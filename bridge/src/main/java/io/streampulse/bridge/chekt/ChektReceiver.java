package io.streampulse.bridge.chekt;

import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.LastDeliveries;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.health.HealthContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.net.SocketTimeoutException;

/**
 * Delivers alert events to a CHEKT bridge over its local HTTP API (contract in {@link ChektRequestBuilder}).
 * Asynchronous on the JDK HttpClient: the caller gets a future at once; each attempt waits at most
 * {@code receivers.chekt.timeout_seconds}; connection errors, timeouts and 5xx are retried per {@link ChektRetry},
 * a 4xx is not (see {@link ChektAnswer}). The config is read per delivery, so a reload applies to the next event.
 * Also on {@code /health} as "chekt": the last answer and the last error.
 */
public final class ChektReceiver implements Receiver, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(ChektReceiver.class);
    public static final String NAME = "chekt";
    /**
     * Requests in flight at once, each zone always in the same lane (its events stay in order). A CHEKT zone is a
     * channel of its own, so zones need no order between them; one request at a time (~1 ms each on loopback
     * against the fake, more against a real bridge) cannot keep up with 1,000 events/s.
     */
    public static final int LANES = 8;

    private final Supplier<ReceiversSection.Chekt> config;
    private final HttpClient http;
    private final ChektRetry retry;
    private final Clock clock;
    private final LastDeliveries history = new LastDeliveries();
    /** The delivery lanes' keep-alive connections, one per lane (plain http; https goes through {@code http}). */
    private final ChektConnection[] connections = new ChektConnection[LANES];
    private volatile URI eventsUri;

    public ChektReceiver(Supplier<ReceiversSection.Chekt> config, HttpClient http, ChektRetry retry, Clock clock) {
        this.config = config;
        this.http = http;
        this.retry = retry;
        this.clock = clock;
        for (int i = 0; i < LANES; i++) {
            connections[i] = new ChektConnection();
        }
    }

    /** An HTTP/1.1 client (the bridge speaks plain HTTP/1.1; no h2c upgrade dance). */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        ReceiversSection.Chekt current = config.get();
        return current.enabled() && !current.url().isBlank();
    }

    @Override
    public int lane(DeviceMapping mapping) {
        return mapping.chektZone().map(zone -> Math.floorMod(zone, LANES)).orElse(0);
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        return async(prepare(event, mapping));
    }

    /**
     * The POST (and its retries) on the calling thread, a delivery lane's, with the blocking {@code send}: the
     * JDK client's {@code sendAsync} hands every response to the common pool, and where that pool has a single
     * thread (2 cores or fewer) CompletableFuture starts a new thread per task, i.e. one thread per CHEKT answer.
     * Each attempt is bounded by {@code timeout_seconds}, so {@code timeout} is not needed.
     */
    @Override
    public Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout)
            throws InterruptedException {
        Prepared prepared = prepare(event, mapping);
        return prepared.refusal() != null ? prepared.refusal()
                : record(prepared.attempts().runHere(connections[lane(mapping)]));
    }

    /** Posts {@link ChektEventText#TEST} to {@code zone} and answers with what the bridge said. */
    public CompletableFuture<Delivery> sendTest(int zone) {
        return async(prepare("test-" + clock.millis(), "test", zone, ChektEventText.TEST));
    }

    /** The attempts of one delivery, or why it is not sent (recorded already): exactly one is set. */
    private record Prepared(Attempts attempts, Delivery refusal) {
    }

    private CompletableFuture<Delivery> async(Prepared prepared) {
        return prepared.refusal() != null ? CompletableFuture.completedFuture(prepared.refusal())
                : prepared.attempts().run(1).thenApply(this::record);
    }

    private Prepared prepare(AlertEvent event, DeviceMapping mapping) {
        if (mapping.chektZone().isEmpty()) {
            return refused(event.id(), "no CHEKT zone mapped for device " + event.deviceId() + " (devices."
                    + event.deviceId() + ".chekt_zone)");
        }
        String text;
        try {
            text = ChektEventText.forEvent(event);
        } catch (RuntimeException e) {
            return refused(event.id(), "cannot describe event " + event.id() + " (kind " + event.kind()
                    + ", cause " + event.cause() + ") for CHEKT");
        }
        return prepare(event.id(), event.deviceId(), mapping.chektZone().get(), text);
    }

    private Prepared prepare(String eventId, String deviceId, int zone, String text) {
        ReceiversSection.Chekt current = config.get();
        if (!current.enabled()) {
            return refused(eventId, "the CHEKT receiver is disabled (receivers.chekt.enabled)");
        }
        ChektRequest built;
        URI uri;
        try {
            built = ChektRequestBuilder.build(current, zone, text);
            uri = uri(built.url());
        } catch (IllegalArgumentException e) {
            return refused(eventId, e.getMessage());
        }
        return new Prepared(new Attempts(eventId, deviceId, zone, built, uri, current.timeoutSeconds()), null);
    }

    /** The events URL parsed once per configured value, not per POST (it was a visible part of a POST's CPU). */
    private URI uri(String url) {
        URI last = eventsUri;
        if (last == null || !last.toString().equals(url)) {
            last = URI.create(url);
            eventsUri = last;
        }
        return last;
    }

    private Prepared refused(String eventId, String why) {
        return new Prepared(null, record(new Delivery(NAME, eventId, false, why, 0, clock.millis())));
    }

    private static HttpRequest toHttp(URI uri, ChektRequest request, int timeoutSeconds) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    /** The tries of one delivery; each failed try schedules the next after its backoff, never blocking a thread. */
    private final class Attempts {
        private final String eventId;
        private final String deviceId;
        private final int zone;
        private final ChektRequest built;
        private final URI uri;
        private final int timeoutSeconds;

        Attempts(String eventId, String deviceId, int zone, ChektRequest built, URI uri, int timeoutSeconds) {
            this.eventId = eventId;
            this.deviceId = deviceId;
            this.zone = zone;
            this.built = built;
            this.uri = uri;
            this.timeoutSeconds = timeoutSeconds;
        }

        CompletableFuture<Delivery> run(int attempt) {
            CompletableFuture<ChektAnswer> answer;
            try {
                answer = http.sendAsync(toHttp(uri, built, timeoutSeconds), HttpResponse.BodyHandlers.ofString())
                        .handle((response, failure) -> failure == null
                                ? ChektAnswer.ofResponse(response.statusCode(), response.body())
                                : ChektAnswer.noAnswer(describe(failure)));
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(ChektAnswer.noAnswer(describe(e)));
            }
            return answer.thenCompose(result -> {
                Duration delay = retryDelay(result, attempt);
                if (delay != null) {
                    return CompletableFuture.supplyAsync(() -> attempt + 1,
                                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(this::run);
                }
                return CompletableFuture.completedFuture(finish(result, attempt));
            });
        }

        /** All tries on the calling thread, waiting out the retry delays; http on the lane's own connection. */
        Delivery runHere(ChektConnection connection) throws InterruptedException {
            boolean plain = "http".equalsIgnoreCase(uri.getScheme());
            for (int attempt = 1; ; attempt++) {
                ChektAnswer result;
                try {
                    if (plain) {
                        ChektConnection.Answer answer = connection.post(uri, built, timeoutSeconds * 1_000);
                        result = ChektAnswer.ofResponse(answer.status(), answer.body());
                    } else {
                        HttpResponse<String> response = http.send(toHttp(uri, built, timeoutSeconds),
                                HttpResponse.BodyHandlers.ofString());
                        result = ChektAnswer.ofResponse(response.statusCode(), response.body());
                    }
                } catch (IOException | RuntimeException e) {
                    result = ChektAnswer.noAnswer(describe(e));
                }
                Duration delay = retryDelay(result, attempt);
                if (delay == null) {
                    return finish(result, attempt);
                }
                Thread.sleep(delay.toMillis()); // the retry backoff: this lane's next send waits for it anyway
            }
        }

        /** The wait before the next try (logged), or null when this answer is final. */
        private Duration retryDelay(ChektAnswer result, int attempt) {
            if (!result.retryable() || attempt >= retry.attempts()) {
                return null;
            }
            Duration delay = retry.delayAfter(attempt);
            LOG.info("CHEKT attempt {} of event {} (device {}, zone {}) failed: {}; retrying in {} ms",
                    attempt, eventId, deviceId, zone, result.text(), delay.toMillis());
            return delay;
        }

        private Delivery finish(ChektAnswer result, int attempt) {
            if (!result.acknowledged()) {
                LOG.warn("CHEKT delivery of event {} (device {}, zone {}) failed after {} attempt(s): {}",
                        eventId, deviceId, zone, attempt, result.text());
            }
            return new Delivery(NAME, eventId, result.acknowledged(), result.text(), attempt, clock.millis());
        }

        private String describe(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String url = uri.toString();
            if (cause instanceof ChektConnection.Failure failed && failed.getCause() != null) {
                cause = failed.connecting && failed.getCause() instanceof SocketTimeoutException
                        ? new HttpConnectTimeoutException(failed.getMessage()) : failed.getCause();
                if (cause instanceof SocketTimeoutException) {
                    cause = new HttpTimeoutException(cause.getMessage());
                }
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "could not connect to " + url + " within " + timeoutSeconds + " s";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer from " + url + " within " + timeoutSeconds + " s";
            }
            if (cause instanceof ConnectException) {
                return "connection refused by " + url + " (is the CHEKT bridge running?)";
            }
            String message = cause.getMessage();
            return "request to " + url + " failed: " + (message == null ? cause.getClass().getSimpleName() : message);
        }
    }

    private Delivery record(Delivery delivery) {
        return history.record(delivery);
    }

    @Override
    public boolean healthy() {
        return history.healthy(enabled());
    }

    @Override
    public Map<String, Object> details() {
        return history.details(enabled());
    }
}
