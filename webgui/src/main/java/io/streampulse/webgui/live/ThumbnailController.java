package io.streampulse.webgui.live;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.streampulse.webgui.peers.PeerLocations;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /live/thumbnails/{id}.jpg}: the monitor's latest picture of a stream, passed through, so the browser
 * needs no route to the monitor (and the page's CSP stays "images from this server only").
 */
@Controller("/live/thumbnails")
public class ThumbnailController {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final PeerLocations peers;
    private final HttpClient http;

    public ThumbnailController(PeerLocations peers, HttpClient http) {
        this.peers = peers;
        this.http = http;
    }

    static String path(String id) {
        return "/live/thumbnails/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + ".jpg";
    }

    @Get("/{id}.jpg")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> thumbnail(String id) {
        URI uri = peers.monitor().resolve("/api/streams/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/thumbnail.jpg");
        try {
            java.net.http.HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(answer.body()).contentType(MediaType.IMAGE_JPEG_TYPE);
        } catch (IOException e) {
            return HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.BAD_GATEWAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE);
        }
    }
}
