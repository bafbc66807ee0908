package io.streampulse.publisher.connection;

import java.time.Instant;

/**
 * The broker connection as /health shows it.
 *
 * @param reason         why the last attempt failed or the connection ended ("" while connected)
 * @param failedAttempts attempts failed in a row since the last successful connect
 * @param nextAttempt    when the next retry is due (null unless RETRYING)
 */
public record ConnectionStatus(State state, String broker, String reason, Instant since, int failedAttempts,
                               Instant nextAttempt) {

    public enum State {
        /** {@code mqtt.enabled} is false: nothing to do, not a problem. */
        DISABLED,
        CONNECTING,
        CONNECTED,
        /** Broker unreachable or login refused: retrying with backoff. */
        RETRYING,
        /** The settings cannot work (e.g. an unreadable CA file): waits for a config change. */
        INVALID
    }

    public static ConnectionStatus disabled(Instant now) {
        return new ConnectionStatus(State.DISABLED, "", "", now, 0, null);
    }

    public boolean healthy() {
        return state == State.CONNECTED || state == State.DISABLED;
    }
}
