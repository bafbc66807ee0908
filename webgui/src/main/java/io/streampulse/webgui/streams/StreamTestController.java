package io.streampulse.webgui.streams;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /streams/test} (JSON, from the editor's "Test now" button): the monitor's check result, or
 * {@code {error, errors}} with a status: 400 for a wrong form, 404 for a stream gone, 502 when the monitor does
 * not answer.
 */
@Controller("/streams/test")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StreamTestController {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTestController.class);

    private final StreamTester tester;

    public StreamTestController(StreamTester tester) {
        this.tester = tester;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> test(@Body Map<String, String> fields) throws IOException {
        try {
            StreamTester.Outcome outcome = tester.test(fields);
            if (outcome.result().isPresent()) {
                return HttpResponse.ok(outcome.result().get());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", outcome.error());
            body.put("errors", outcome.errors());
            return HttpResponse.status(HttpStatus.valueOf(outcome.status())).body(body);
        } catch (MonitorApi.MonitorDown e) {
            LOG.warn("stream test: {}", e.getMessage());
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).body(MonitorMessages.error(e.getMessage()));
        }
    }
}
