package io.streampulse.publisher.connection;

import io.streampulse.publisher.outbox.OutgoingMessage;

import java.util.concurrent.CompletableFuture;

/** One hivemq client for one set of {@link BrokerSettings}, hiding whether it speaks MQTT 3.1.1 or 5. */
interface MqttSession {

    /** Starts connecting; the outcome arrives through the {@link SessionListener}, retries included. */
    void connect();

    CompletableFuture<Void> publish(OutgoingMessage message);

    CompletableFuture<Void> subscribe(String topicFilter);

    /** A clean DISCONNECT: the broker does not send our last will. */
    CompletableFuture<Void> disconnect();
}
