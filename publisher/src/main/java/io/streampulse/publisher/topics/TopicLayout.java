package io.streampulse.publisher.topics;

/**
 * Where things go under the configured base topic ({@code mqtt.base_topic}, default "streampulse") and the Home
 * Assistant discovery prefix ({@code mqtt.discovery.prefix}, default "homeassistant").
 */
public record TopicLayout(String base, String discoveryPrefix) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    /** {@code online} while connected, {@code offline} as the last will: the availability of every entity. */
    public String status() {
        return base + "/status";
    }

    public String streamState(String streamId) {
        return base + "/streams/" + streamId + "/state";
    }

    public String deviceState(String deviceId) {
        return base + "/devices/" + deviceId + "/state";
    }

    /** Home Assistant's birth/will topic: {@code online} there means "announce your entities again". */
    public String homeAssistantStatus() {
        return discoveryPrefix + "/status";
    }

    /** A single-component discovery topic; the object id is the entity's unique id (Home Assistant's advice). */
    public String discoveryConfig(String component, String uniqueId) {
        return discoveryPrefix + "/" + component + "/" + uniqueId + "/config";
    }

    /** A unique id for an entity: base topic and ids reduced to Home Assistant's [a-zA-Z0-9_-]. */
    public String uniqueId(String... parts) {
        StringBuilder id = new StringBuilder(safe(base));
        for (String part : parts) {
            id.append('_').append(safe(part));
        }
        return id.toString();
    }

    private static String safe(String text) {
        return text.replaceAll("[^a-zA-Z0-9_-]", "_");
    }
}
