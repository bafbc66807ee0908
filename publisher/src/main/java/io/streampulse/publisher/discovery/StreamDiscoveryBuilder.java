package io.streampulse.publisher.discovery;

import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Home Assistant discovery for one camera stream (pure): a {@code connectivity} binary_sensor, a latency sensor
 * (ms) and a 24 h uptime sensor (%), all reading the stream's retained state JSON and grouped as one device.
 */
public final class StreamDiscoveryBuilder {

    static final String MANUFACTURER = "StreamPulse";
    static final String MODEL = "Camera stream";
    /** The state carries the monitor's 0..1 fraction; Home Assistant shows percent ("None": unknown). */
    static final String UPTIME_PERCENT =
            "{{ None if value_json.uptime_24h is none else (value_json.uptime_24h * 100) | round(2) }}";

    private StreamDiscoveryBuilder() {
    }

    public static List<OutgoingMessage> configs(TopicLayout layout, String streamId, String streamName,
                                                Origin origin, int qos) {
        HaDevice device = new HaDevice(layout.uniqueId("stream", streamId), streamName, MANUFACTURER, MODEL);
        String state = layout.streamState(streamId);

        String connectivityId = layout.uniqueId(streamId, "connectivity");
        ObjectNode connectivity = DiscoveryPayloads.entity(layout, connectivityId, "Connectivity", state,
                DiscoveryPayloads.onOffTemplate("value_json.up", "up"), device, origin);
        connectivity.put("device_class", "connectivity");
        connectivity.put("json_attributes_topic", state);

        String latencyId = layout.uniqueId(streamId, "latency");
        ObjectNode latency = measurement(layout, latencyId, "Latency", state, "{{ value_json.latency }}", "ms",
                device, origin);
        latency.put("device_class", "duration");

        String uptimeId = layout.uniqueId(streamId, "uptime_24h");
        ObjectNode uptime = measurement(layout, uptimeId, "Uptime 24h", state, UPTIME_PERCENT, "%", device,
                origin);
        uptime.put("icon", "mdi:percent");

        return List.of(
                new OutgoingMessage(layout.discoveryConfig("binary_sensor", connectivityId), connectivity.toString(),
                        qos, true),
                new OutgoingMessage(layout.discoveryConfig("sensor", latencyId), latency.toString(), qos, true),
                new OutgoingMessage(layout.discoveryConfig("sensor", uptimeId), uptime.toString(), qos, true));
    }

    private static ObjectNode measurement(TopicLayout layout, String uniqueId, String name, String stateTopic,
                                          String template, String unit, HaDevice device, Origin origin) {
        ObjectNode config = DiscoveryPayloads.entity(layout, uniqueId, name, stateTopic, template, device, origin);
        config.put("unit_of_measurement", unit);
        config.put("state_class", "measurement");
        return config;
    }

    /** Empty retained configs: Home Assistant removes the stream's entities and, with them, its device. */
    public static List<OutgoingMessage> removals(TopicLayout layout, String streamId, int qos) {
        return configs(layout, streamId, "", new Origin("", "", ""), qos).stream()
                .map(config -> OutgoingMessage.removal(config.topic(), qos)).toList();
    }
}
