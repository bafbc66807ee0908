package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MjpegServerTest {

    @RegisterExtension
    static final MjpegServerExtension CAMERA = new MjpegServerExtension();

    private final MjpegServer camera = CAMERA.server();

    @Test
    void moving_twoConnections_startOnDifferentRealPictures() throws IOException {
        byte[] first = firstPart(camera.url("/moving.mjpg"));
        byte[] second = firstPart(camera.url("/moving.mjpg"));

        assertFalse(Arrays.equals(first, second), "each connection starts on another picture");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(first));
        assertEquals(MjpegServer.WIDTH, picture.getWidth());
        assertEquals(MjpegServer.HEIGHT, picture.getHeight());
        Eventually.await(Duration.ofSeconds(3), "both streams to end after the client left", () -> camera.openStreams() == 0);
    }

    @Test
    void frozen_twoConnections_sameBytes() throws IOException {
        assertArrayEquals(firstPart(camera.url("/frozen.mjpg")), firstPart(camera.url("/frozen.mjpg")));
    }

    @Test
    void auth_withoutCredentials_401WithBasicChallenge() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) camera.url("/auth.mjpg").toURL().openConnection();

        assertEquals(401, connection.getResponseCode());
        assertEquals("Basic realm=\"camera\"", connection.getHeaderField("WWW-Authenticate"));
    }

    @Test
    void https_defaultTrust_rejectsTheSelfSignedCertificate() {
        assertThrows(SSLHandshakeException.class,
                () -> camera.httpsUrl("/snapshot.jpg").toURL().openConnection().getInputStream().close());
    }

    /** The bytes of the first multipart part, read by its Content-Length. */
    private static byte[] firstPart(URI url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        assertTrue(connection.getContentType().startsWith("multipart/x-mixed-replace; boundary="),
                connection.getContentType());
        try (InputStream body = connection.getInputStream()) {
            DataInputStream in = new DataInputStream(body);
            int length = -1;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.startsWith("Content-Length: ")) {
                    length = Integer.parseInt(line.substring("Content-Length: ".length()));
                }
            }
            byte[] picture = new byte[length];
            in.readFully(picture);
            return picture;
        } finally {
            connection.disconnect();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("stream ended inside the part headers");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
