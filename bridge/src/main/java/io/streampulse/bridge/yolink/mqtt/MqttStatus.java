package io.streampulse.bridge.yolink.mqtt;

/**
 * The YoLink MQTT connection for /health: the state, why it is not connected, since when, connects so far.
 */
public record MqttStatus(State state, String broker, String reason, long sinceMillis, long connects,
                         int failedAttempts) {

    public enum State { CONNECTING, CONNECTED, RETRYING, STOPPED }

    public boolean healthy() {
        return state == State.CONNECTED;
    }
}
