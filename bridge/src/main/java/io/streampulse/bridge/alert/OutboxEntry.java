package io.streampulse.bridge.alert;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One event for one receiver: while {@code pending} or {@code failed} (retrying) it is in the outbox; once
 * {@code delivered} (acknowledged) or {@code expired} (given up) it is a line of the delivery log.
 *
 * @param answer the receiver's last answer in words (empty before the first attempt)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record OutboxEntry(long seq, String receiver, AlertEvent event, String status, int attempts,
                          long createdMillis, long nextAttemptMillis, long lastAttemptMillis, String answer) {

    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
    public static final String DELIVERED = "delivered";
    public static final String EXPIRED = "expired";

    OutboxEntry retryAt(int attempts, long lastAttemptMillis, long nextAttemptMillis, String answer) {
        return new OutboxEntry(seq, receiver, event, FAILED, attempts, createdMillis, nextAttemptMillis,
                lastAttemptMillis, answer);
    }

    OutboxEntry holdUntil(long nextAttemptMillis) {
        return new OutboxEntry(seq, receiver, event, status, attempts, createdMillis, nextAttemptMillis,
                lastAttemptMillis, answer);
    }
}
