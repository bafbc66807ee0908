package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the client against a real HTTP server (the JDK's) that serves /health as the suite documents it. */
class HealthClientTest {

    private static final String REJECTED = """
            {"status":"UP","service":"monitor","pid":4661,"uptime_seconds":2,
             "config":{"path":"/x/config.yaml","hash":"ea82aa","applied_at":"2026-01-01T00:00:00Z","warnings":[],
                       "error":{"hash":"bb01","seen_at":"2026-01-01T00:00:01Z",
                                "problems":["/x/config.yaml:3:7: 'mqtt.qos' must be between 0 and 2 (got 7)","second"]}},
             "components":{}}""";
    private static final String CLEAN = """
            {"status":"UP","service":"monitor","config":{"path":"/x/config.yaml","hash":"cc02"}}""";

    private final AtomicReference<String> health = new AtomicReference<>(REJECTED);
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private HttpServer server;
    private HealthClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        server.createContext("/health", exchange -> respond(exchange, status.get(), health.get(), "application/json"));
        server.createContext("/metrics", exchange -> respond(exchange, 200,
                "# TYPE streampulse_config_valid gauge\nstreampulse_config_valid 0.0\n", "text/plain"));
        server.start();
        client = HealthClient.of(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsStatusHashAndFirstConfigProblem() {
        assertEquals("UP", client.health().path("status").asText());
        assertEquals("ea82aa", client.configHash());
        assertEquals(Optional.of("/x/config.yaml:3:7: 'mqtt.qos' must be between 0 and 2 (got 7)"), client.configError());
        assertTrue(client.metrics().contains("streampulse_config_valid 0.0"));
    }

    @Test
    void absentErrorIsEmpty() {
        health.set(CLEAN);
        assertEquals("cc02", client.configHash());
        assertEquals(Optional.empty(), client.configError());
    }

    @Test
    void non200IsAnErrorAndTryHealthIsEmpty() {
        status.set(503);
        IllegalStateException e = assertThrows(IllegalStateException.class, client::health);
        assertTrue(e.getMessage().contains("returned 503"), e.getMessage());
        assertEquals(Optional.empty(), client.tryHealth());
        status.set(200);
        assertEquals("monitor", client.tryHealth().orElseThrow().path("service").asText());
    }

    @Test
    void connectionRefusedIsAnErrorAndTryHealthIsEmpty() {
        HealthClient nobody = HealthClient.of(FreePorts.next());
        assertThrows(UncheckedIOException.class, nobody::health);
        assertEquals(Optional.empty(), nobody.tryHealth());
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int code, String body, String type)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
