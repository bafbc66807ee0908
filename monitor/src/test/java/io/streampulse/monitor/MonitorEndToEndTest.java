package io.streampulse.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.GstRtspCamera;
import io.streampulse.testkit.MjpegServerExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor process as a user runs it, against a real GStreamer RTSP camera and a real MJPEG server: streams
 * from config.yaml are checked, /api/status shows them, a camera going away is seen, and a config edit removes
 * a stream without a restart.
 */
class MonitorEndToEndTest {

    @RegisterExtension
    static final MjpegServerExtension mjpeg = new MjpegServerExtension();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(EmbeddedServer server, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode status(EmbeddedServer server) {
        try {
            return new ObjectMapper().readTree(get(server, "/api/status"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String metrics(EmbeddedServer server) {
        return get(server, "/metrics");
    }

    @Test
    void configuredStreams_areCheckedShownAndFollowedThroughChanges() throws Exception {
        try (GstRtspCamera camera = GstRtspCamera.start()) {
            TempSuite suite = TempSuite.create(dir);
            String both = """
                    heartbeat_seconds: 5
                    monitor: {retries: 0, timeout_seconds: 3, frame_check_every: 2}
                    streams:
                      - name: Door camera
                        id: door
                        url: %s
                      - name: Garage MJPEG
                        id: garage
                        url: %s
                    """.formatted(camera.url(), mjpeg.server().url("/moving.mjpg"));
            suite.writeConfig(both);
            Map<String, Object> properties = new HashMap<>(suite.properties());
            properties.put("micronaut.server.port", -1);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                Duration firstChecks = Duration.ofSeconds(15);

                Eventually.await(firstChecks, "both streams checked and up", () -> status(server),
                        s -> s.path("Door camera").path("status").asText().equals("ok")
                                && s.path("Garage MJPEG").path("status").asText().equals("ok"));
                // protocol and frame checks alternate (frame_check_every: 2); a protocol check names the codec
                Eventually.await(firstChecks, "an RTSP check of the door camera naming its codec", () -> status(server),
                        s -> s.path("Door camera").path("message").asText().contains("H264"));
                Eventually.await(firstChecks, "a frame check's thumbnail of the RTSP camera",
                        () -> Files.exists(suite.dataDir().resolve("thumbnails").resolve("door.jpg")));
                HttpResponse<byte[]> thumbnail = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.getPort() + "/api/streams/door/thumbnail.jpg")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, thumbnail.statusCode());
                assertEquals("image/jpeg", thumbnail.headers().firstValue("content-type").orElse(""));
                assertTrue(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body())) != null,
                        "the thumbnail is a picture");

                String metrics = metrics(server);
                assertTrue(metrics.contains("stream_up{id=\"door\",stream=\"Door camera\"} 1.0"), metrics);
                assertTrue(metrics.contains("system_total_streams 2.0"), metrics);
                assertTrue(metrics.contains("streampulse_checks_total{kind=\"RTSP\",state=\"UP\"}"), metrics);

                camera.stop();

                JsonNode down = Eventually.await(Duration.ofSeconds(12), "the stopped camera seen down",
                        () -> status(server), s -> s.path("Door camera").path("state").asText().equals("DOWN"));
                assertEquals("fail", down.path("Door camera").path("status").asText());
                assertEquals("ok", down.path("Garage MJPEG").path("status").asText());

                suite.writeConfig(both.substring(0, both.indexOf("  - name: Garage MJPEG")));

                JsonNode after = Eventually.await(Duration.ofSeconds(3), "the removed stream gone from the API",
                        () -> status(server), s -> !s.has("Garage MJPEG"));
                assertFalse(after.has("Garage MJPEG"));
                assertTrue(after.has("Door camera"), "the kept stream keeps its state: " + after);
                assertEquals("DOWN", after.path("Door camera").path("state").asText());
                Eventually.await(Duration.ofSeconds(12), "the removed stream's series gone from /metrics",
                        () -> metrics(server), m -> !m.contains("id=\"garage\""));
                assertTrue(metrics(server).contains("stream_up{id=\"door\",stream=\"Door camera\"} 0.0"));
            }
        }
    }
}
