package io.streampulse.publisher.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streampulse.publisher.topics.TopicLayout;

/**
 * The fields every discovery config of ours carries (pure): unique id, name, state topic, availability on
 * {@code <base>/status} (our last will turns every entity unavailable when we are gone), device and origin.
 * Full key names, not abbreviations: the configs are retained and read by people debugging with mosquitto_sub.
 */
public final class DiscoveryPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiscoveryPayloads() {
    }

    public static ObjectNode entity(TopicLayout layout, String uniqueId, String name, String stateTopic,
                                    String valueTemplate, HaDevice device, Origin origin) {
        ObjectNode config = JSON.createObjectNode();
        config.put("name", name);
        config.put("unique_id", uniqueId);
        config.put("state_topic", stateTopic);
        config.put("value_template", valueTemplate);
        config.put("availability_topic", layout.status());
        config.put("payload_available", TopicLayout.ONLINE);
        config.put("payload_not_available", TopicLayout.OFFLINE);
        ObjectNode dev = config.putObject("device");
        dev.putArray("identifiers").add(device.identifier());
        dev.put("name", device.name());
        dev.put("manufacturer", device.manufacturer());
        dev.put("model", device.model());
        ObjectNode org = config.putObject("origin");
        org.put("name", origin.name());
        org.put("sw_version", origin.swVersion());
        if (!origin.supportUrl().isEmpty()) {
            org.put("support_url", origin.supportUrl());
        }
        return config;
    }

    /** Renders "ON"/"OFF" from a boolean JSON field, and "None" (Home Assistant: unknown) when it is null. */
    public static String onOffTemplate(String booleanExpression, String field) {
        return "{{ 'None' if value_json." + field + " is none else ('ON' if " + booleanExpression
                + " else 'OFF') }}";
    }
}
