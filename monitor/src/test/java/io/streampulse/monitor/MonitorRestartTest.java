package io.streampulse.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A restart resumes each stream from its history: the state is shown before the first check, and the first
 * check after the restart is not taken for a new event (StreamPulse started every stream from nothing).
 */
class MonitorRestartTest {

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    private JsonNode get(EmbeddedServer server, String path) {
        try {
            return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedServer start(TempSuite suite) {
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Test
    void aRestartKeepsStateAndSinceAndInventsNoEvent() {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("""
                heartbeat_seconds: 5
                monitor: {retries: 0, timeout_seconds: 2}
                streams:
                  - name: Gate
                    id: gate
                    url: rtsp://127.0.0.1:%d/cam
                """.formatted(FreePorts.next())); // nothing listens: refused, down
        long since;
        long lastTs;
        try (EmbeddedServer first = start(suite)) {
            JsonNode down = Eventually.await(Duration.ofSeconds(15), "the gate is seen down",
                    () -> get(first, "/api/streams/gate"), s -> "DOWN".equals(s.path("state").asText()));
            since = down.get("since").asLong();
            lastTs = down.get("ts").asLong();
        }

        try (EmbeddedServer second = start(suite)) {
            JsonNode restored = get(second, "/api/streams/gate");
            assertEquals("DOWN", restored.get("state").asText(), "known before the first check after the restart");
            assertEquals(since, restored.get("since").asLong());
            JsonNode checked = Eventually.await(Duration.ofSeconds(15), "a check after the restart",
                    () -> get(second, "/api/streams/gate"), s -> s.path("ts").asLong() > lastTs);
            assertEquals(since, checked.get("since").asLong(), "still down since the same moment");
            assertEquals(1, get(second, "/api/streams/gate/changes").get("changes").size(), "one change, not two");
        }
    }
}
