package io.streampulse.streamer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.streamer.TestConfigs;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FakeBridgeFeed;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The streamer process against a fake bridge: /status follows the bridge's events, snapshots are real JPEGs, and a
 * changed streamer section is applied live.
 */
class StreamerHttpTest {

    private static final String FRONT_DOOR = "{\"device_id\":\"d1\",\"name\":\"Front door\",\"type\":\"DoorSensor\","
            + "\"kind\":\"DOOR\",\"state\":\"%s\",\"active\":[%s],\"battery_percent\":75,\"signal_dbm\":-80,"
            + "\"temperature_c\":null,\"humidity_percent\":null,\"last_seen_millis\":1790000000000,"
            + "\"online\":true,\"attributes\":{}}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void status_followsTheBridge_andSnapshotsAreJpegsAtEachProfileSize() throws Exception {
        int apiPort = FreePorts.next();
        int rtspPort = FreePorts.next();
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("streamer:\n  api_port: " + apiPort + "\n  rtsp_port: " + rtspPort
                + "\n  width: 640\n  height: 360\n" + TestConfigs.NO_DISCOVERY);
        try (FakeBridgeFeed bridge = new FakeBridgeFeed()) {
            bridge.change("d1", FRONT_DOOR.formatted("closed", ""));
            Map<String, Object> properties = new HashMap<>(suite.properties());
            properties.put("streampulse.bridge.url", bridge.url().toString());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                String base = "http://127.0.0.1:" + server.getPort();
                JsonNode status = Eventually.await(Duration.ofSeconds(10), "the grid with the bridge's sensor",
                        () -> get(base + "/status"), node -> node.path("screen").asText().equals("GRID"));
                assertEquals(1, status.path("bridge").path("sensors").asInt());
                assertEquals(2, status.path("profiles").size());

                bridge.change("d1", FRONT_DOOR.formatted("open", "\"OPEN\""));
                JsonNode alarm = Eventually.await(Duration.ofSeconds(5), "the alarm screen",
                        () -> get(base + "/status"), node -> node.path("alarm").asBoolean());
                assertEquals("Front door", alarm.path("sensors_in_alarm").get(0).asText());

                BufferedImage main = jpeg(base + "/snapshot.jpg");
                assertEquals(640, main.getWidth());
                assertEquals(360, main.getHeight());
                assertEquals(true, (main.getRGB(320, 300) >> 16 & 0xFF) > 150, "the snapshot shows the alarm red");
                BufferedImage sub = jpeg(base + "/onvif/snapshot?token=sub");
                assertEquals(640, sub.getWidth());
                assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/snapshot/nope.jpg")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());

                // the streamer section applies live: new size and stream name, a real client plays the new path
                suite.writeConfig("streamer:\n  api_port: " + apiPort + "\n  rtsp_port: " + rtspPort
                        + "\n  width: 480\n  height: 270\n  stream_name: lobby\n" + TestConfigs.NO_DISCOVERY);
                JsonNode rebuilt = Eventually.await(Duration.ofSeconds(10), "the pipeline rebuilt at 480x270",
                        () -> get(base + "/status"), node -> node.path("stream_name").asText().equals("lobby")
                                && node.path("profiles").get(0).path("width").asInt() == 480
                                && node.path("frames").asLong() > 0);
                assertEquals(270, rebuilt.path("profiles").get(0).path("height").asInt());
                assertEquals("h264,480,270", ffprobe("rtsp://127.0.0.1:" + rtspPort + "/lobby"));
            }
        }
    }

    private JsonNode get(String url) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String ffprobe(String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-select_streams",
                "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(true, process.waitFor(15, TimeUnit.SECONDS), "ffprobe finished");
        return output;
    }

    private BufferedImage jpeg(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }
}
