package io.streampulse.webgui.streams;

import io.streampulse.shared.feed.HttpFailures;
import io.streampulse.webgui.peers.PeerLocations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The monitor's HTTP API as the stream pages use it (thin: status code and body, nothing parsed here). A monitor
 * that does not answer becomes {@link MonitorDown} with a sentence for the user, never a stack trace.
 */
@Singleton
public class MonitorApi {

    private static final Duration READ = Duration.ofSeconds(15);

    /** A reply of the monitor: its status code, content type and body. */
    public record Reply(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status == 200;
        }
    }

    private final PeerLocations peers;
    private final HttpClient http;

    public MonitorApi(PeerLocations peers, HttpClient http) {
        this.peers = peers;
        this.http = http;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(READ).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST of JSON that may take as long as the check it asks for ({@code timeout} plus a margin). */
    public Reply postJson(String path, String json, Duration timeout) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(timeout.plus(READ))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET whose body is read as it arrives; the caller closes the stream. */
    public HttpResponse<InputStream> open(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(READ).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MonitorDown("Interrupted while asking the monitor.");
        }
    }

    private Reply send(HttpRequest.Builder request, HttpResponse.BodyHandler<byte[]> handler) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), handler);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MonitorDown("Interrupted while asking the monitor.");
        }
    }

    private URI uri(String path) {
        return URI.create(peers.monitor() + path);
    }

    private MonitorDown down(IOException e) {
        return new MonitorDown("The monitor is not answering at " + peers.monitor() + " (" + HttpFailures.reason(e)
                + "). Is it running?");
    }

    /** The monitor could not be reached; the message says so in words a user can act on. */
    public static final class MonitorDown extends RuntimeException {
        public MonitorDown(String message) {
            super(message, null, false, false);
        }
    }
}
