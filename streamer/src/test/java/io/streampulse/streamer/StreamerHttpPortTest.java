package io.streampulse.streamer;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.HealthClient;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamerHttpPortTest {

    /** The smallest picture the config allows: these tests are about ports, not pictures (1080p cost seconds). */
    private static final String SMALL = "\n  width: 320\n  height: 240\n";

    @TempDir
    Path dir;

    @Test
    void start_listensOnTheApiPortFromConfigYaml() {
        int port = FreePorts.next();
        TempSuite suite = TempSuite.create(dir);
        String hash = suite.writeConfig("streamer:\n  api_port: " + port + "\n  rtsp_port: " + FreePorts.next() + SMALL
                + TestConfigs.NO_DISCOVERY);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, suite.properties())) {
            assertEquals(port, server.getPort());
            assertEquals(hash, HealthClient.of(port).configHash());
            assertEquals("streamer", HealthClient.of(port).health().path("service").asText());
        }
    }

    @Test
    void start_explicitMicronautPortWins() {
        int configured = FreePorts.next();
        int explicit = FreePorts.next();
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("streamer:\n  api_port: " + configured + "\n  rtsp_port: " + FreePorts.next() + SMALL
                + TestConfigs.NO_DISCOVERY);
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("micronaut.server.port", explicit);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            assertEquals(explicit, server.getPort());
        }
    }
}
