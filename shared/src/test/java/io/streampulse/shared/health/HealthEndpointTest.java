package io.streampulse.shared.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.HealthClient;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health and /metrics as every process serves them, on a real server over a real config file. */
class HealthEndpointTest {

    @TempDir
    Path dir;
    TempSuite suite;
    String firstHash;
    EmbeddedServer server;
    HealthClient client;

    @BeforeEach
    void start() {
        suite = TempSuite.create(dir);
        firstHash = suite.writeConfig("heartbeat_seconds: 30\nmqtt:\n  hots: typo\n");
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.application.name", "probe");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        client = HealthClient.of(server.getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void health_reportsTheServiceAndTheConfigHashInForce() {
        JsonNode health = client.health();

        assertEquals("UP", health.path("status").asText());
        assertEquals("probe", health.path("service").asText());
        assertEquals(firstHash, health.path("config").path("hash").asText());
        assertEquals(suite.configPath().toString(), health.path("config").path("path").asText());
        assertEquals("line 3, column 3: unknown key 'mqtt.hots' is ignored (known here: api_status_url, base_topic, "
                        + "ca_file, client_id, discovery, enabled, host, interval_seconds, keepalive_seconds, password, "
                        + "port, protocol, qos, retain, tls_insecure, tls_port, tls_ws_port, topic, use_tls, "
                        + "use_websocket, username, ws_port)",
                health.path("config").path("warnings").path(0).asText());
    }

    @Test
    void health_afterABadEdit_isDegradedWithTheErrorAndKeepsTheGoodHash() {
        suite.writeConfig("heartbeat_seconds: 30\nmqtt:\n  qos: seven\n");

        Eventually.await(Duration.ofSeconds(2), "the rejection on /health", () -> client.configError().isPresent());
        JsonNode health = client.health();
        assertEquals("DEGRADED", health.path("status").asText());
        assertEquals(firstHash, health.path("config").path("hash").asText());
        assertEquals(suite.configPath() + ":3:8: 'mqtt.qos' must be a whole number (got 'seven')",
                client.configError().orElseThrow());
        assertTrue(client.metrics().contains("streampulse_config_valid 0.0"), client.metrics());
        assertTrue(client.metrics().contains("streampulse_config_rejected_total 1.0"));

        String fixed = suite.writeConfig("heartbeat_seconds: 45\n");

        Eventually.await(Duration.ofSeconds(2), "the fixed config", () -> client.configHash().equals(fixed));
        assertEquals("UP", client.health().path("status").asText());
        assertTrue(client.metrics().contains("streampulse_config_valid 1.0"));
    }

    @Test
    void metrics_servePrometheusTextWithJvmAndHttpFamilies() {
        client.health();

        String metrics = client.metrics();

        assertTrue(metrics.contains("# TYPE jvm_memory_used_bytes gauge"), metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_count{"), metrics);
        assertTrue(metrics.contains("streampulse_config_applied_total 1.0"), metrics);
    }

    @Test
    void startup_createsAPrivateKeyFileInTheDataDir() throws Exception {
        Path key = suite.dataDir().resolve("secret.key");

        assertTrue(Files.exists(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
}
