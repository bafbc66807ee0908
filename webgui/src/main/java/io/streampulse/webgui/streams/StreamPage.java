package io.streampulse.webgui.streams;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of a stream's page: its config, its current status and its state changes from the monitor (times in
 * the configured timezone), and a fresh preview token. A monitor that does not answer, or does not know the
 * stream yet, leaves a sentence for the page instead of the live parts.
 */
@Singleton
public class StreamPage {

    static final int SHOWN_CHANGES = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A state change as a table row. */
    public record ChangeRow(String time, String state, String latency, String message) {
    }

    private final MonitorApi monitor;
    private final JsonMapper json;

    public StreamPage(MonitorApi monitor, JsonMapper json) {
        this.monitor = monitor;
        this.json = json;
    }

    Map<String, Object> model(StreamEntry stream, SuiteConfig config) {
        Map<String, Object> model = new HashMap<>();
        model.put("stream", StreamRow.of(stream, config));
        model.put("ranges", Arrays.stream(ChartRange.values()).map(ChartRange::key).toList());
        model.put("previewToken", token());
        model.put("changes", List.of());
        ZoneId zone = config.timezone();
        model.put("zone", zone.getId());
        String base = "/api/streams/" + URLEncoder.encode(stream.id(), StandardCharsets.UTF_8);
        try {
            MonitorApi.Reply status = monitor.get(base);
            if (!status.ok()) {
                model.put("monitorProblem", status.status() == 404
                        ? "The monitor has not checked this stream yet (it picks up a saved change within seconds)."
                        : "The monitor could not give this stream's status: " + MonitorMessages.of(status, json));
                return model;
            }
            LiveStatus live = json.readValue(status.body(), Argument.of(LiveStatus.class));
            model.put("status", live);
            model.put("since", live.since() == null ? "" : time(live.since(), zone));
            MonitorApi.Reply changes = monitor.get(base + "/changes");
            if (changes.ok()) {
                model.put("changes", json.readValue(changes.body(), Argument.of(StateChange.Changes.class)).changes()
                        .stream().limit(SHOWN_CHANGES).map(c -> row(c, zone)).toList());
            }
        } catch (MonitorApi.MonitorDown e) {
            model.put("monitorProblem", e.getMessage());
        } catch (IOException e) {
            model.put("monitorProblem", "The monitor's answer could not be read: " + e.getMessage());
        }
        return model;
    }

    private static ChangeRow row(StateChange c, ZoneId zone) {
        return new ChangeRow(time(c.tsMillis(), zone), c.state(), c.latencyMs() == null ? "" : c.latencyMs() + " ms",
                c.message() == null ? "" : c.message());
    }

    private static String time(long epochMs, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
