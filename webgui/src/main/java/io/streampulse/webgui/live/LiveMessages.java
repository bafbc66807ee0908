package io.streampulse.webgui.live;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's wire format (README "Live dashboard"): every WebSocket frame is a JSON array of typed messages,
 * {@code [{"type": "stream_state_updated", "stream": {...}}, ...]}; a connection's first frame holds one
 * {@code snapshot}. Pure apart from the JSON mapper.
 */
@Singleton
public class LiveMessages {

    public static final String SNAPSHOT = "snapshot";
    public static final String STREAM = "stream_state_updated";
    public static final String STREAM_REMOVED = "stream_removed";
    public static final String DEVICE = "device_state_updated";
    public static final String SERVICE = "service_status_updated";
    public static final String ALERT = "alert";

    private final JsonMapper json;

    public LiveMessages(JsonMapper json) {
        this.json = json;
    }

    public LiveMessage stream(StreamRow row) {
        return message("stream:" + row.id(), STREAM, "stream", row);
    }

    public LiveMessage streamRemoved(String id) {
        return message("stream:" + id, STREAM_REMOVED, "id", id);
    }

    public LiveMessage device(DeviceRow row) {
        return message("device:" + row.deviceId(), DEVICE, "device", row);
    }

    public LiveMessage service(ServiceRow row) {
        return message("service:" + row.id(), SERVICE, "service", row);
    }

    public LiveMessage alert(AlertRow row) {
        return message("alert:" + row.id(), ALERT, "alert", row);
    }

    public LiveMessage snapshot(LiveSnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", SNAPSHOT);
        body.put("at", snapshot.at());
        body.put("streams", snapshot.streams());
        body.put("devices", snapshot.devices());
        body.put("services", snapshot.services());
        return new LiveMessage(SNAPSHOT, write(body));
    }

    /** One frame: the messages as a JSON array, in the order given. */
    public static String frame(Collection<LiveMessage> messages) {
        StringBuilder out = new StringBuilder(messages.size() * 160 + 2).append('[');
        for (LiveMessage m : messages) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(m.json());
        }
        return out.append(']').toString();
    }

    private LiveMessage message(String key, String type, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put(field, value);
        return new LiveMessage(key, write(body));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a live message", e);
        }
    }

    /** What a new connection gets first: everything known now. */
    public record LiveSnapshot(long at, List<StreamRow> streams, List<DeviceRow> devices, List<ServiceRow> services) {
    }
}
