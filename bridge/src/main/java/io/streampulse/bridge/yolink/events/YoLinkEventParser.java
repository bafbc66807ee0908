package io.streampulse.bridge.yolink.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads a YoLink MQTT report (pure). Anything that is not a usable event is a {@link MalformedEventException}. */
public final class YoLinkEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 120;

    private YoLinkEventParser() {
    }

    public static YoLinkEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty payload");
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + excerpt(payload));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("not a JSON object: " + excerpt(payload));
        }
        String event = text(root, "event");
        int dot = event == null ? -1 : event.lastIndexOf('.');
        if (dot <= 0 || dot == event.length() - 1) {
            throw new MalformedEventException("'event' must be \"<Type>.<Suffix>\", got "
                    + (event == null ? "none" : "\"" + event + "\"") + ": " + excerpt(payload));
        }
        String deviceId = text(root, "deviceId");
        if (deviceId == null || deviceId.isBlank()) {
            throw new MalformedEventException("'deviceId' missing in " + event + ": " + excerpt(payload));
        }
        JsonNode data = root.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new MalformedEventException("'data' of " + event + " from " + deviceId + " is "
                    + data.getNodeType().name().toLowerCase() + ", not an object");
        }
        JsonNode time = root.get("time");
        long timeMillis = time != null && time.canConvertToLong() ? Math.max(0, time.asLong()) : 0;
        ObjectNode body = data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) data;
        return new YoLinkEvent(deviceId, event.substring(0, dot), event.substring(dot + 1), timeMillis,
                text(root, "msgid"), body);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String excerpt(String payload) {
        String head = payload.length() <= EXCERPT ? payload : payload.substring(0, EXCERPT) + "...";
        return head.replaceAll("\\s+", " ");
    }
}
