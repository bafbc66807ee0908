package io.streampulse.streamer.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.streampulse.streamer.StreamerRuntime;
import io.streampulse.streamer.engine.FrameLoop;
import io.streampulse.streamer.engine.FrameStats;
import io.streampulse.streamer.engine.Profile;
import io.streampulse.streamer.render.RenderedFrame;
import io.streampulse.streamer.rtsp.RtspAuth;
import io.streampulse.streamer.view.DashboardView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /status} (JSON) and the current picture as JPEG: {@code /snapshot.jpg} (main),
 * {@code /snapshot/<profile>.jpg} and {@code /onvif/snapshot?token=<profile>} (the seed's path, handed out by
 * GetSnapshotUri). With a user configured the pictures ask for the same credentials as RTSP (Basic or Digest):
 * they show what the stream shows.
 */
@Controller
public class StreamerController {

    private final StreamerRuntime runtime;
    private final RtspAuth auth;

    public StreamerController(StreamerRuntime runtime) {
        this.runtime = runtime;
        this.auth = new RtspAuth(runtime.section().onvifUsername(), runtime.section().onvifPassword().value());
    }

    @Get(uri = "/status", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        FrameLoop frames = runtime.dashboard().frames();
        FrameStats stats = frames.stats();
        DashboardView view = frames.lastView();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "online");
        status.put("stream_name", runtime.section().streamName());
        status.put("rtsp_port", runtime.dashboard().rtsp().port());
        status.put("frame_rate", runtime.section().frameRate());
        status.put("frames", stats.frames());
        status.put("last_frame", stats.lastFrameMillis() == 0 ? null
                : Instant.ofEpochMilli(stats.lastFrameMillis()).toString());
        status.put("render_ms", stats.renderMicros() / 1000.0);
        status.put("encode_ms", stats.encodeMicros() / 1000.0);
        status.put("screen", view == null ? "STARTING" : view.screen().name());
        status.put("alarm", view != null && view.alarm());
        status.put("sensors_in_alarm", view == null || !view.alarm() ? List.of()
                : view.cards().stream().filter(card -> !view.clearedIds().contains(card.id()))
                .map(card -> card.name()).toList());
        status.put("page", view == null ? 0 : view.page() + 1);
        status.put("pages", view == null ? 0 : view.pages());
        status.put("bridge", Map.of("connected", runtime.feed().current().connected(),
                "problem", runtime.feed().current().problem(),
                "sensors", runtime.feed().current().cards().size()));
        status.put("profiles", frames.profiles().stream().map(this::profile).toList());
        status.put("clients", runtime.dashboard().rtsp().clients());
        return status;
    }

    private Map<String, Object> profile(Profile profile) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("token", profile.token());
        entry.put("width", profile.width());
        entry.put("height", profile.height());
        entry.put("path", "/" + runtime.section().streamName() + "_" + profile.token());
        entry.put("clients", profile.stream().clients());
        entry.put("frames", profile.stream().frames());
        return entry;
    }

    @Get(uri = "/snapshot.jpg", produces = MediaType.IMAGE_JPEG)
    public HttpResponse<byte[]> snapshot(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return jpeg("main", authorization);
    }

    @Get(uri = "/snapshot/{profile}.jpg", produces = MediaType.IMAGE_JPEG)
    public HttpResponse<byte[]> snapshotOf(@PathVariable String profile,
                                           @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return jpeg(profile, authorization);
    }

    @Get(uri = "/onvif/snapshot", produces = MediaType.IMAGE_JPEG)
    public HttpResponse<byte[]> onvifSnapshot(@Nullable @QueryValue String token,
                                              @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return jpeg(token == null ? "main" : token, authorization);
    }

    private HttpResponse<byte[]> jpeg(String token, String authorization) {
        if (!auth.allows("GET", authorization)) {
            MutableHttpResponse<byte[]> challenge = HttpResponse.unauthorized();
            auth.challenges().forEach(value -> challenge.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, value));
            return challenge;
        }
        RenderedFrame frame = runtime.dashboard().frames().lastFrame();
        Optional<Profile> profile = runtime.dashboard().frames().profiles().stream()
                .filter(candidate -> candidate.token().equals(token)).findFirst();
        if (profile.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (frame == null) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE);
        }
        byte[] bytes = SnapshotJpeg.encode(frame.image(), profile.get().width(), profile.get().height());
        return HttpResponse.ok(bytes).header("Cache-Control", "no-cache, no-store");
    }
}
