package io.streampulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a running StreamPulse service's {@code GET /health} JSON and {@code GET /metrics} text.
 * Why: tests of a real service wait on what it reports (config hash applied, config error seen) rather than on
 * time, typically {@code Eventually.await(..., health::configHash, expectedHash::equals)}.
 *
 * <p>The JSON looks like {@code {"status":"UP","service":"monitor","config":{"path":..,"hash":..,
 * "error":{"problems":["..."]}},"components":{}}}; keys with null or empty values may be absent.
 */
public final class HealthClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    private HealthClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** A client for http://127.0.0.1:{@code port}. */
    public static HealthClient of(int port) {
        return new HealthClient(URI.create("http://127.0.0.1:" + port));
    }

    /** A client for another base URL, e.g. {@code http://127.0.0.1:8080/api}. */
    public static HealthClient of(URI base) {
        return new HealthClient(base);
    }

    /** The /health JSON; throws on connection failure or a status other than 200. */
    public JsonNode health() {
        String body = get("/health");
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri("/health") + " did not return JSON: " + body, e);
        }
    }

    /** The /health JSON, or empty if the service is not reachable or not healthy (yet). */
    public Optional<JsonNode> tryHealth() {
        try {
            return Optional.of(health());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** config.hash of /health ("" if absent). */
    public String configHash() {
        return health().path("config").path("hash").asText();
    }

    /** The first of config.error.problems, if the service reports a rejected config. */
    public Optional<String> configError() {
        JsonNode problems = health().path("config").path("error").path("problems");
        if (problems.isArray() && problems.size() > 0 && problems.get(0).isTextual()) {
            return Optional.of(problems.get(0).asText());
        }
        return Optional.empty();
    }

    /** The /metrics body; throws on connection failure or a status other than 200. */
    public String metrics() {
        return get("/metrics");
    }

    private String get(String path) {
        URI uri = uri(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " returned " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    @Override
    public String toString() {
        return "HealthClient[" + base + "]";
    }
}
