package io.streampulse.bridge.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.DeviceMapping;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A tiny real receiver for a bridge run as its own process: POSTs the event id to a test's HTTP server as
 * "chekt" and counts a 2xx as the acknowledgement.
 */
@Singleton
@Requires(property = HttpReceiver.PROPERTY)
public class HttpReceiver implements Receiver, Ordered {

    public static final String PROPERTY = "streampulse.test.http-receiver";

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public HttpReceiver(@Value("${" + PROPERTY + "}") String target) {
        this.target = URI.create(target);
    }

    @Override
    public String name() {
        return "chekt";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        HttpRequest post = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(2))
                .POST(HttpRequest.BodyPublishers.ofString(event.id())).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Delivery(name(), event.id(), r.statusCode() / 100 == 2, "HTTP " + r.statusCode(),
                        1, System.currentTimeMillis()))
                .exceptionally(e -> new Delivery(name(), event.id(), false, e.toString(), 1,
                        System.currentTimeMillis()));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
