package io.streampulse.webgui.streams;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/** The {@code message} of a monitor error body ({@code {status, message}}), or its status when there is none. */
final class MonitorMessages {

    private MonitorMessages() {
    }

    static String of(MonitorApi.Reply reply, JsonMapper json) {
        try {
            Object message = json.readValue(reply.body(), Argument.mapOf(String.class, Object.class)).get("message");
            if (message != null) {
                return message.toString();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: say what we know
        }
        return "HTTP " + reply.status();
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }
}
