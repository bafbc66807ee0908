package io.streampulse.webgui.streams;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamEntry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Test now": checks the stream the form describes through the monitor's {@code POST /api/check}, before anything
 * is saved. A blank password of an edited stream means the stored one (only for the same camera: see
 * {@link StreamRules}); it goes from this server to the monitor, never to the browser.
 */
@Singleton
public class StreamTester {

    /** The outcome: the monitor's result, or a message (with field errors when the form itself is wrong). */
    public record Outcome(Optional<CheckReply> result, String error, Map<String, String> errors, int status) {
        static Outcome failed(int status, String error, Map<String, String> errors) {
            return new Outcome(Optional.empty(), error, errors, status);
        }
    }

    private static final List<String> CHECK_FIELDS = List.of("url", "check", "timeout_seconds", "username",
            "password");

    private final ConfigWatcher config;
    private final MonitorApi monitor;
    private final JsonMapper json;

    public StreamTester(ConfigWatcher config, MonitorApi monitor, JsonMapper json) {
        this.config = config;
        this.monitor = monitor;
        this.json = json;
    }

    public Outcome test(Map<String, String> fields) throws IOException {
        String originalId = fields.getOrDefault("stream_id", "");
        Optional<StreamEntry> original = originalId.isEmpty() ? Optional.empty()
                : config.current().config().stream(originalId);
        if (!originalId.isEmpty() && original.isEmpty()) {
            return Outcome.failed(404, "This stream is no longer in the config; reload the page.", Map.of());
        }
        StreamForm submitted = StreamForm.from(fields);
        StreamForm form = original.map(o -> submitted.with(o.id(), UrlDisplay.resolve(submitted.url(), o.url())))
                .orElse(submitted);
        Map<String, String> errors = new LinkedHashMap<>(StreamRules.check(form, List.of(), original.orElse(null)));
        errors.keySet().retainAll(CHECK_FIELDS); // the name and the rest do not matter to a check
        if (!errors.isEmpty()) {
            return Outcome.failed(400, "Fix the fields marked before testing.", errors);
        }
        String password = form.clearPassword() ? ""
                : form.password().isEmpty() ? original.map(o -> o.password().value()).orElse("") : form.password();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", form.url());
        request.put("check", form.check());
        request.put("tls_verify", form.tlsVerify());
        if (!form.username().isEmpty()) {
            request.put("username", form.username());
        }
        if (!password.isEmpty()) {
            request.put("password", password);
        }
        int timeout = form.timeoutSeconds().isEmpty() ? config.current().config().monitor().timeoutSeconds()
                : Integer.parseInt(form.timeoutSeconds());
        request.put("timeout_seconds", timeout);
        MonitorApi.Reply reply = monitor.postJson("/api/check", json.writeValueAsString(request),
                Duration.ofSeconds(timeout));
        if (reply.ok()) {
            return new Outcome(Optional.of(json.readValue(reply.body(), Argument.of(CheckReply.class))), "",
                    Map.of(), 200);
        }
        return Outcome.failed(reply.status() == 400 ? 400 : 502, "The monitor refused the check: "
                + MonitorMessages.of(reply, json), Map.of());
    }
}
