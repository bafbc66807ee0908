package io.streampulse.monitor.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.streampulse.monitor.schedule.CheckRunner;
import io.streampulse.monitor.schedule.StreamPlan;
import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.ConfigProblem;
import io.streampulse.shared.config.ParsedConfig;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.shared.config.SuiteConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/check}: checks a URL now, without saving anything (the GUI's "test before save"). The request
 * is validated exactly as a {@code streams} entry of config.yaml would be, so what passes here saves cleanly.
 */
@Controller("/api/check")
public class CheckController {

    private final CheckRunner checks;

    public CheckController(CheckRunner checks) {
        this.checks = checks;
    }

    @Post
    public CompletableFuture<HttpResponse<?>> check(@Body CheckRequest request) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", "check");
        entry.put("url", request.url() == null ? "" : request.url());
        put(entry, "username", request.username());
        put(entry, "password", request.password());
        put(entry, "check", request.check());
        put(entry, "timeout_seconds", request.timeoutSeconds());
        put(entry, "tls_verify", request.tlsVerify());
        String yaml = new org.yaml.snakeyaml.Yaml().dump(Map.of("streams", List.of(entry)));
        ParsedConfig parsed = ConfigParser.parse(yaml, Map.of(), SecretBox.unavailable("not needed"));
        if (parsed.config().isEmpty()) {
            String message = parsed.errors().stream().map(ConfigProblem::message).map(m -> m.replace("streams[0].", ""))
                    .reduce((a, b) -> a + "; " + b).orElse("invalid request");
            return CompletableFuture.completedFuture(HttpResponse.badRequest(ApiError.of(HttpStatus.BAD_REQUEST,
                    message)));
        }
        SuiteConfig config = parsed.config().get();
        StreamPlan plan = StreamPlan.of(config.streams().get(0), config.heartbeatSeconds(), config.monitor());
        // Check number 0: a frame decode for check: frame, else the protocol check.
        return checks.run(plan, 0).thenApply(result -> HttpResponse.ok(CheckResponse.of(result)));
    }

    private static void put(Map<String, Object> entry, String key, Object value) {
        if (value != null) {
            entry.put(key, value);
        }
    }
}
