package io.streampulse.monitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.GstRtspCamera;
import io.streampulse.testkit.MjpegServerExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/check ("test before save") and the streams API's errors, against real peers. */
class CheckApiTest {

    @RegisterExtension
    static final MjpegServerExtension mjpeg = new MjpegServerExtension();

    static GstRtspCamera camera;
    static EmbeddedServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@TempDir Path dir) {
        camera = GstRtspCamera.start();
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("streams: []\n");
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    static void stop() {
        server.close();
        camera.close();
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/check"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void check_realRtspCamera_isUpWithItsCodec() throws Exception {
        HttpResponse<String> response = post("{\"url\": \"" + camera.url() + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals("UP", result.get("state").asText());
        assertTrue(result.get("message").asText().contains("H264"), response.body());
        assertEquals("RTSP", result.get("kind").asText());
    }

    @Test
    void check_cameraByHostName_isResolvedAndUp() throws Exception {
        JsonNode result = json(post("{\"url\": \"" + camera.url().replace("127.0.0.1", "localhost") + "\"}"));
        assertEquals("UP", result.get("state").asText(), result.toString());
    }

    @Test
    void check_frameOfAnMjpegStream_decodesAPicture() throws Exception {
        JsonNode result = json(post("{\"url\": \"" + mjpeg.server().url("/moving.mjpg") + "\", \"check\": \"frame\"}"));

        assertEquals("UP", result.get("state").asText(), result.toString());
        assertEquals("FRAME", result.get("kind").asText());
    }

    @Test
    void check_htmlPage_isDegradedNotAVideoStream() throws Exception {
        JsonNode result = json(post("{\"url\": \"" + mjpeg.server().url("/page.html") + "\"}"));

        assertEquals("DEGRADED", result.get("state").asText());
        assertTrue(result.get("message").asText().contains("not a video stream"), result.toString());
    }

    @Test
    void check_badUrl_is400WithTheReason() throws Exception {
        HttpResponse<String> response = post("{\"url\": \"ftp://10.0.0.1/cam\"}");

        assertEquals(400, response.statusCode());
        assertEquals("'url' must start with rtsp://, rtsps://, http:// or https://",
                json(response).get("message").asText());
    }

    @Test
    void stream_unknownId_is404WithAMessage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.getPort() + "/api/streams/nope")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("no stream with id 'nope'", json(response).get("message").asText());
    }
}
