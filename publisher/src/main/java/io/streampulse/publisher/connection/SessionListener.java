package io.streampulse.publisher.connection;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;

/** What a {@link MqttSession} reports, on hivemq's threads: keep the work short and never block. */
interface SessionListener {

    void connected();

    /** A connect attempt failed or the connection ended; the listener decides about the retry. */
    void disconnected(MqttClientDisconnectedContext context);

    void received(String topic, String payload);
}
