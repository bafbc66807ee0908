package io.streampulse.webgui.live;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what the peers send (pure apart from the JSON mapper): the monitor's StreamStatus events and
 * {@code /api/status}, the bridge's DeviceState and AlertEvent events and {@code /api/receivers}, and any
 * process's {@code /health}. A body that does not parse is an {@link IOException} saying which peer document.
 */
@Singleton
public class PeerJson {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    public PeerJson(JsonMapper json) {
        this.json = json;
    }

    public StreamRow stream(String data) throws IOException {
        StreamRow row = read(data, Argument.of(StreamRow.class), "monitor stream status");
        return row.withStatus(null, null); // the event stream has no uptime or thumbnail
    }

    public DeviceRow device(String data) throws IOException {
        return read(data, Argument.of(DeviceRow.class), "bridge device state");
    }

    public AlertRow alert(String data) throws IOException {
        return read(data, Argument.of(AlertRow.class), "bridge alert");
    }

    /** The monitor's {@code ready} event: how many {@code snapshot}s follow. */
    public int readyStreams(String data) throws IOException {
        if (read(data, OBJECT, "monitor ready event").get("streams") instanceof Number n) {
            return n.intValue();
        }
        throw new IOException("monitor ready event has no 'streams' count: " + data);
    }

    /** The monitor's {@code /api/status}: per stream id its 24 h uptime and whether a thumbnail exists. */
    public List<StatusFigures> statusFigures(String body) throws IOException {
        Map<String, Map<String, Object>> byName = read(body, Argument.mapOf(Argument.STRING, OBJECT),
                "monitor /api/status");
        List<StatusFigures> out = new ArrayList<>();
        byName.values().forEach(entry -> {
            if (entry.get("id") instanceof String id) {
                Double uptime = entry.get("uptime_24h") instanceof Number n ? n.doubleValue() : null;
                out.add(new StatusFigures(id, uptime, entry.get("thumbnail") != null));
            }
        });
        return out;
    }

    /** A process's {@code /health}: its status, and the components that are not UP as the detail. */
    public ServiceRow health(String id, String name, String body) throws IOException {
        Map<String, Object> report = read(body, OBJECT, name + " /health");
        String status = Objects.toString(report.get("status"), ServiceRow.UNKNOWN);
        List<String> troubled = new ArrayList<>();
        if (report.get("components") instanceof Map<?, ?> components) {
            components.forEach((component, value) -> {
                if (value instanceof Map<?, ?> c && !ServiceRow.UP.equals(c.get("status"))) {
                    troubled.add(component + " " + c.get("status"));
                }
            });
        }
        return new ServiceRow(id, name, status, String.join(", ", troubled));
    }

    /** The bridge's {@code /api/receivers}: one service row per receiver ({@code receiver:<name>}). */
    public List<ServiceRow> receivers(String body) throws IOException {
        List<Map<String, Object>> entries = read(body, Argument.listOf(OBJECT), "bridge /api/receivers");
        List<ServiceRow> out = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            String name = Objects.toString(entry.get("name"), "?");
            boolean enabled = Boolean.TRUE.equals(entry.get("enabled"));
            boolean healthy = !Boolean.FALSE.equals(entry.get("healthy"));
            Map<?, ?> health = entry.get("health") instanceof Map<?, ?> h ? h : Map.of();
            Object error = health.get("last_error");
            Object answer = health.get("last_answer");
            String detail = !enabled ? "not enabled"
                    : error != null && !error.toString().isBlank() ? error.toString()
                    : answer != null ? "last answer: " + answer : "";
            Object queued = entry.get("queued");
            if (enabled && queued instanceof Number n && n.intValue() > 0) {
                detail = (detail.isEmpty() ? "" : detail + "; ") + n + " queued";
            }
            out.add(new ServiceRow("receiver:" + name, "Receiver " + name,
                    !enabled ? ServiceRow.OFF : healthy ? ServiceRow.UP : ServiceRow.DEGRADED, detail));
        }
        return out;
    }

    private <T> T read(String text, Argument<T> type, String what) throws IOException {
        try {
            T value = json.readValue(text, type);
            if (value == null) {
                throw new IOException(what + ": empty document");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new IOException(what + " is not the expected JSON: " + e.getMessage(), e);
        }
    }

    /** @param thumbnail the monitor has a latest picture for this stream */
    public record StatusFigures(String id, Double uptime24h, boolean thumbnail) {
    }
}
