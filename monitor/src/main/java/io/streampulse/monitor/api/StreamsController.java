package io.streampulse.monitor.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.live.StreamStatus;
import io.streampulse.monitor.probe.frame.ThumbnailStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** {@code /api/streams}: every stream's full current status, one stream, and its latest thumbnail. */
@Controller("/api/streams")
public class StreamsController {

    private final StatusBoard board;
    private final ThumbnailStore thumbnails;

    public StreamsController(StatusBoard board, ThumbnailStore thumbnails) {
        this.board = board;
        this.thumbnails = thumbnails;
    }

    @Get
    public List<StreamStatus> streams() {
        return board.all().stream().sorted(Comparator.comparing(StreamStatus::name)).toList();
    }

    @Get("/{id}")
    public HttpResponse<?> stream(@PathVariable String id) {
        return board.get(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> ApiErrors.unknownStream(id));
    }

    @Get(value = "/{id}/thumbnail.jpg", produces = MediaType.IMAGE_JPEG)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> thumbnail(@PathVariable String id) throws IOException {
        if (board.get(id).isEmpty()) {
            return ApiErrors.unknownStream(id);
        }
        Path file = thumbnails.pathFor(id);
        if (!Files.exists(file)) {
            return HttpResponse.notFound(ApiError.of(HttpStatus.NOT_FOUND, "no picture of stream '" + id
                    + "' yet: one is kept after each frame check")).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(Files.readAllBytes(file)).header("Cache-Control", "no-cache");
    }
}
