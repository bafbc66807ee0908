package io.streampulse.streamer.onvif;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streamer process as an ONVIF camera to the real npm {@code onvif} client: login with WS-UsernameToken and
 * with HTTP Digest, both profiles listed, the stream URIs play in ffprobe at the advertised size, the snapshot URIs
 * give JPEGs of that size, wrong credentials are refused, and SetVideoEncoderConfiguration resizes the sub stream.
 */
class OnvifProcessTest {

    static final String USER = "nvr";
    static final String PASSWORD = "s3cret pass";

    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static int apiPort;
    /** ONVIF on a port of its own (ONVIF_PORT): the clients use it, the fuzz corpus goes to the API port. */
    static int onvifPort;
    static int rtspPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        apiPort = FreePorts.next();
        onvifPort = FreePorts.next();
        rtspPort = FreePorts.next();
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("streamer:\n  api_port: " + apiPort + "\n  onvif_port: " + onvifPort + "\n  rtsp_port: "
                + rtspPort
                + "\n  width: 1280\n  height: 720\n  onvif:\n    username: " + USER + "\n    password: \""
                + PASSWORD + "\"\n    discovery: false\n");
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("streampulse.bridge.url", "http://127.0.0.1:" + FreePorts.next());
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void usernameToken_listsBothProfiles_andTheirStreamAndSnapshotUrisWork() throws Exception {
        JsonNode result = NodeOnvifClient.run(onvifPort, USER, PASSWORD, "ws");

        assertTrue(result.path("ok").asBoolean(), result.toString());
        assertEquals("StreamPulse", result.path("device").path("manufacturer").asText());
        assertEquals(2, result.path("profiles").size(), result.toString());
        JsonNode main = result.path("profiles").get(0);
        assertEquals("main", main.path("token").asText());
        assertEquals(1280, main.path("width").asInt());
        assertEquals("sub", result.path("profiles").get(1).path("token").asText());
        for (JsonNode profile : result.path("profiles")) {
            String uri = profile.path("streamUri").asText();
            assertTrue(uri.startsWith("rtsp://127.0.0.1:" + rtspPort + "/yolink-dashboard_"), uri);
            assertTrue(profile.path("snapshotUri").asText().startsWith("http://127.0.0.1:" + onvifPort + "/"));
            assertEquals("h264," + profile.path("width").asInt() + "," + profile.path("height").asInt(),
                    ffprobe(uri.replace("rtsp://", "rtsp://" + USER + ":s3cret%20pass@")));
            BufferedImage snapshot = snapshot(profile.path("snapshotUri").asText());
            assertEquals(profile.path("width").asInt(), snapshot.getWidth());
            assertEquals(profile.path("height").asInt(), snapshot.getHeight());
        }
    }

    @Test
    void snapshot_withoutCredentials_isChallenged() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                + "/onvif/snapshot?token=sub")).build(), HttpResponse.BodyHandlers.discarding());

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().allValues("WWW-Authenticate").get(0).startsWith("Digest "));
    }

    @Test
    void httpDigest_logsInToo() throws Exception {
        JsonNode result = NodeOnvifClient.run(onvifPort, USER, PASSWORD, "digest");

        assertTrue(result.path("ok").asBoolean(), result.toString());
        assertEquals(2, result.path("profiles").size());
    }

    @Test
    void wrongCredentials_areRefused_withUsernameTokenAndWithDigest() throws Exception {
        JsonNode token = NodeOnvifClient.run(onvifPort, USER, "wrong", "ws");
        JsonNode digest = NodeOnvifClient.run(onvifPort, "intruder", PASSWORD, "digest");

        assertFalse(token.path("ok").asBoolean(), token.toString());
        assertFalse(digest.path("ok").asBoolean(), digest.toString());
    }

    @Test
    void setVideoEncoderConfiguration_resizesTheSubStream() throws Exception {
        JsonNode result = NodeOnvifClient.run(onvifPort, USER, PASSWORD, "ws", "setSub", "640x360");

        assertTrue(result.path("ok").asBoolean(), result.toString());
        JsonNode sub = result.path("profiles").get(1);
        assertEquals(640, sub.path("width").asInt());
        assertEquals(360, sub.path("height").asInt());
        String uri = sub.path("streamUri").asText().replace("rtsp://", "rtsp://" + USER + ":s3cret%20pass@");
        assertEquals("h264,640,360", ffprobe(uri));
        assertEquals(640, snapshot(sub.path("snapshotUri").asText()).getWidth());
    }

    @Test
    void fuzzCorpus_getsSoapFaults_andTheServerKeepsServing() throws Exception {
        URI device = URI.create("http://127.0.0.1:" + apiPort + "/onvif/device_service");
        for (Map.Entry<String, byte[]> entry : SoapFuzzCorpus.cases().entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(device)
                    .header("Content-Type", "application/soap+xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(entry.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertTrue(response.statusCode() >= 400 && response.statusCode() < 600, entry.getKey() + ": "
                    + response.statusCode());
            assertTrue(response.body().contains("<env:Fault>"), entry.getKey() + ": " + response.body());
            assertFalse(response.body().contains("root:"), entry.getKey() + " leaked a file");
        }
        for (String contentType : new String[] {"application/soap+xml", "text/xml; charset=utf-8", ""}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(device)
                    .POST(HttpRequest.BodyPublishers.ofString(SoapBodies.GET_SYSTEM_DATE_AND_TIME));
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> time = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, time.statusCode(), contentType + ": " + time.body());
            assertTrue(time.body().contains("GetSystemDateAndTimeResponse"));
        }
    }

    private BufferedImage snapshot(String uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), uri);
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    /** "codec,width,height" of the first video stream, as ffprobe sees it over RTSP/TCP. */
    private static String ffprobe(String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-fpsprobesize",
                "0", "-analyzeduration", "200000", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", url).redirectErrorStream(true).start();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ffprobe " + url + " did not finish within 15 s");
        }
        return new String(process.getInputStream().readAllBytes()).strip();
    }
}
