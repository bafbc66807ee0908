package io.streampulse.webgui.streams;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A stream's page ({@code /streams/{id}}) and what its scripts load: the chart points of a window
 * ({@code history.json}), the same history as CSV (streamed), and the live preview (the monitor's latest
 * picture, within the {@code web.max_previews} cap).
 */
@Controller("/streams/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StreamPageController {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPageController.class);
    static final String TOO_MANY_PREVIEWS = "Too many previews are open (at most %d at once, setting"
            + " web.max_previews): close another stream page, then reload this one.";

    private final ConfigWatcher config;
    private final StreamPage page;
    private final MonitorApi monitor;
    private final PreviewLeases previews;
    private final JsonMapper json;

    public StreamPageController(ConfigWatcher config, StreamPage page, MonitorApi monitor, PreviewLeases previews,
                                JsonMapper json) {
        this.config = config;
        this.page = page;
        this.monitor = monitor;
        this.previews = previews;
        this.json = json;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(@PathVariable String id, @QueryValue(defaultValue = "") String done) {
        SuiteConfig current = config.current().config();
        Optional<StreamEntry> stream = current.stream(id);
        if (stream.isEmpty()) {
            return StreamsController.notFound(id);
        }
        Map<String, Object> model = page.model(stream.get(), current);
        model.put("notice", done.equals("added") ? "The stream was added." : done.equals("saved")
                ? "The stream was saved." : null);
        return HttpResponse.ok(new ModelAndView<>("stream", model));
    }

    @Get(value = "/history.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> history(@PathVariable String id, @QueryValue(defaultValue = "24h") String range) {
        Optional<ChartRange> window = ChartRange.parse(range);
        if (window.isEmpty() || config.current().config().stream(id).isEmpty()) {
            return HttpResponse.status(window.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND)
                    .body(MonitorMessages.error(window.isEmpty() ? "range must be 24h, 7d or 30d"
                            : "no stream with id '" + id + "'"));
        }
        long to = System.currentTimeMillis();
        try {
            MonitorApi.Reply reply = monitor.get(HistoryCsv.path(id, to - window.get().span().toMillis(), to,
                    window.get().resolution()));
            if (!reply.ok()) {
                return HttpResponse.status(HttpStatus.valueOf(reply.status() == 404 ? 404 : 502))
                        .body(MonitorMessages.error(reply.status() == 404 ? "The monitor has no history of this"
                                + " stream yet." : "The monitor refused: " + MonitorMessages.of(reply, json)));
            }
            return HttpResponse.ok(reply.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (MonitorApi.MonitorDown e) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).body(MonitorMessages.error(e.getMessage()));
        }
    }

    /** CSV of a window, streamed row by row as the monitor's JSON is read (chunked; never held whole). */
    @Get(value = "/history.csv", produces = {"text/csv", MediaType.TEXT_PLAIN, MediaType.ALL})
    public HttpResponse<?> csv(@PathVariable String id, @QueryValue(defaultValue = "24h") String range,
                               @QueryValue(defaultValue = "") String resolution) throws IOException {
        Optional<ChartRange> window = ChartRange.parse(range);
        Optional<StreamEntry> stream = config.current().config().stream(id);
        if (window.isEmpty() || stream.isEmpty() || !resolution.matches("|raw|minute|hour|day")) {
            return HttpResponse.status(stream.isEmpty() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.TEXT_PLAIN_TYPE).body(stream.isEmpty() ? "No stream with id '" + id + "'."
                            : "range must be 24h, 7d or 30d; resolution raw, minute, hour or day");
        }
        long to = System.currentTimeMillis();
        try {
            HistoryCsv.Opened opened = HistoryCsv.open(monitor, id, stream.get().name(),
                    to - window.get().span().toMillis(), to,
                    resolution.isEmpty() ? window.get().resolution() : resolution);
            if (opened.refusal() != null) {
                return HttpResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_PLAIN_TYPE)
                        .body("The monitor refused the history: " + MonitorMessages.of(opened.refusal(), json));
            }
            LOG.info("history CSV of stream {} ({}) started", id, window.get().key());
            return HttpResponse.ok(new StreamedFile(opened.csv(), new MediaType("text/csv; charset=utf-8"))
                    .attach(id + "-" + window.get().key() + ".csv"));
        } catch (MonitorApi.MonitorDown e) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body(e.getMessage());
        }
    }

    /** The monitor's latest picture of the stream, for the page holding preview token {@code p}. */
    @Get(value = "/preview.jpg", produces = {MediaType.IMAGE_JPEG, MediaType.APPLICATION_JSON, MediaType.ALL})
    public HttpResponse<?> preview(@PathVariable String id, @QueryValue(defaultValue = "") String p) {
        if (!p.matches("[A-Za-z0-9_-]{16,64}") || config.current().config().stream(id).isEmpty()) {
            return HttpResponse.badRequest(MonitorMessages.error("unknown stream or preview token"));
        }
        int max = config.current().config().web().maxPreviews();
        if (!previews.acquire(p, max)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(MonitorMessages.error(TOO_MANY_PREVIEWS.formatted(max)));
        }
        try {
            MonitorApi.Reply reply = monitor.get("/api/streams/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "/thumbnail.jpg");
            if (reply.ok()) {
                return HttpResponse.ok(reply.body()).contentType(MediaType.IMAGE_JPEG_TYPE);
            }
            return HttpResponse.notFound(MonitorMessages.error(reply.status() == 404
                    ? "No picture yet: the monitor keeps one after each frame check."
                    : "The monitor refused: " + MonitorMessages.of(reply, json)));
        } catch (MonitorApi.MonitorDown e) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).body(MonitorMessages.error(e.getMessage()));
        }
    }

    /** The page is closing: its preview place frees at once. */
    @Post(value = "/preview/release", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<?> release(@PathVariable String id, @Body Map<String, String> body) {
        previews.release(body.getOrDefault("p", ""));
        return HttpResponse.noContent();
    }
}
