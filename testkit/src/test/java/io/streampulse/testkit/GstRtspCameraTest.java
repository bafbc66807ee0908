package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The test camera speaks real RTSP: raw requests over a socket, answers checked as a client would. */
class GstRtspCameraTest {

    @Test
    void start_describe_answersSdpWithH264() throws IOException {
        try (GstRtspCamera camera = GstRtspCamera.builder().size(320, 240).pattern(GstRtspCamera.Pattern.SMPTE).start()) {
            String answer = exchange(camera, "DESCRIBE " + camera.url() + " RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Accept: application/sdp\r\n\r\n");

            assertTrue(answer.startsWith("RTSP/1.0 200 OK\r\nCSeq: 2\r\n"), answer);
            assertTrue(answer.contains("a=rtpmap:96 H264/90000"), answer);
            assertEquals("rtsp://127.0.0.1:" + camera.port() + "/cam", camera.url());
        }
    }

    @Test
    void digestAuth_describeWithoutCredentials_isChallenged() throws IOException {
        try (GstRtspCamera camera = GstRtspCamera.builder().path("/secure").digestAuth("admin", "s3cret").start()) {
            String answer = exchange(camera, "DESCRIBE " + camera.url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");

            assertTrue(answer.startsWith("RTSP/1.0 401 Unauthorized"), answer);
            assertTrue(answer.contains("WWW-Authenticate: Digest realm="), answer);
        }
    }

    @Test
    void stopAndRestart_servesAgainOnTheSamePort() throws IOException {
        try (GstRtspCamera camera = GstRtspCamera.start()) {
            int port = camera.port();
            camera.restart();

            assertEquals(port, camera.port());
            assertTrue(exchange(camera, "OPTIONS " + camera.url() + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                    .startsWith("RTSP/1.0 200 OK"));
        }
    }

    /** Sends {@code request} and reads one answer: headers, then Content-Length bytes of body. */
    private static String exchange(GstRtspCamera camera, String request) throws IOException {
        try (Socket socket = new Socket(camera.host(), camera.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
                head.append((char) b);
            }
            Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head);
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            return head + new String(in.readNBytes(bodyLength), StandardCharsets.ISO_8859_1);
        }
    }
}
