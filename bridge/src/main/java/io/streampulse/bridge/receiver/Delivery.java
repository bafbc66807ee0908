package io.streampulse.bridge.receiver;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The outcome of handing one alert event to one receiver: whether the receiver acknowledged it, and its answer in
 * words (HTTP status and body, SIA ACK/NAK/DUH, Modbus write result), for the delivery log.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Delivery(String receiver, String eventId, boolean acknowledged, String answer, int attempts,
                       long atMillis) {
}
