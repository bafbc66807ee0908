package io.streampulse.bridge.yolink.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A payload's fields as flat text (pure): nested objects become dotted keys ("loraInfo.gatewayId"), arrays and
 * values their JSON text. Device net tokens are credentials and never become attributes.
 */
final class Attributes {

    static final Set<String> NEVER_KEPT = Set.of("token");
    private static final int MAX_DEPTH = 4;

    private Attributes() {
    }

    static void flatten(JsonNode node, String prefix, Map<String, String> into) {
        flatten(node, prefix, into, 0);
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> into, int depth) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NEVER_KEPT.contains(field.getKey())) {
                continue;
            }
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && depth < MAX_DEPTH) {
                flatten(value, key, into, depth + 1);
            } else if (value.isNull()) {
                into.remove(key);
            } else {
                into.put(key, value.isValueNode() ? value.asText() : value.toString());
            }
        }
    }
}
