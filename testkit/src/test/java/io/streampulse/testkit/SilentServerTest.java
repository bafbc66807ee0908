package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SilentServerTest {

    @Test
    void start_clientSends_isRecordedAndNeverAnswered() throws IOException {
        try (SilentServer server = SilentServer.start(); Socket client = new Socket(server.host(), server.port())) {
            client.getOutputStream().write("OPTIONS rtsp://127.0.0.1/cam RTSP/1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(300);

            Eventually.await(Duration.ofSeconds(5), "the request to arrive", server::received,
                    r -> r.startsWith("OPTIONS rtsp://127.0.0.1/cam RTSP/1.0"));
            assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read());
            assertEquals(1, server.openConnections());
        }
    }

    @Test
    void answering_clientConnects_getsTheBytesAndTheConnectionStaysOpen() throws IOException {
        try (SilentServer server = SilentServer.answering("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
             Socket client = new Socket(server.host(), server.port())) {
            client.setSoTimeout(2000);
            InputStream in = client.getInputStream();

            assertEquals("SSH-2.0-OpenSSH_9.2\r\n", new String(in.readNBytes(21), StandardCharsets.US_ASCII));
            client.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, in::read);
        }
    }

    @Test
    void resetting_clientReads_seesResetOrEndOfStream() throws IOException {
        try (SilentServer server = SilentServer.resetting(); Socket client = new Socket(server.host(), server.port())) {
            client.setSoTimeout(2000);
            int first;
            try {
                first = client.getInputStream().read();
            } catch (SocketException reset) {
                first = -1;
            }
            assertEquals(-1, first);
        }
    }
}
