package io.streampulse.publisher.outbox;

/** One MQTT message to send: UTF-8 text payload (JSON or a word such as "online"); an empty retained one deletes. */
public record OutgoingMessage(String topic, String payload, int qos, boolean retain) {

    /** An empty retained message: the broker forgets the topic's retained value (Home Assistant drops the entity). */
    public static OutgoingMessage removal(String topic, int qos) {
        return new OutgoingMessage(topic, "", qos, true);
    }
}
