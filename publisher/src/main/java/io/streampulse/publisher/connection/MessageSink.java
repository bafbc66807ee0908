package io.streampulse.publisher.connection;

import io.streampulse.publisher.outbox.OutgoingMessage;

/** Where features hand their messages; returns at once whatever the broker is doing. */
public interface MessageSink {

    void publish(OutgoingMessage message);
}
