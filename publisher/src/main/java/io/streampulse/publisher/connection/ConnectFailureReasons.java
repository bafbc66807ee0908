package io.streampulse.publisher.connection;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Turns why a connection failed or ended into one line an operator can act on, for {@code /health} and the log.
 * Expected failures (broker down, login refused, certificate not trusted) are values here, never stack traces.
 */
public final class ConnectFailureReasons {

    private ConnectFailureReasons() {
    }

    public static String describe(Throwable failure, BrokerSettings settings) {
        if (failure instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
            return refusal(code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, code.name());
        }
        if (failure instanceof Mqtt3ConnAckException refused) {
            Mqtt3ConnAckReturnCode code = refused.getMqttMessage().getReturnCode();
            return refusal(code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED, code.name());
        }
        if (failure instanceof Mqtt5DisconnectException disconnect) {
            return "the broker closed the connection: " + disconnect.getMqttMessage().getReasonCode();
        }
        String where = settings.host() + ":" + settings.port();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return "TLS handshake with " + where + " failed: " + firstLine(tls.getMessage())
                        + " (set mqtt.ca_file to the broker's CA, or mqtt.tls_insecure: true to skip checks)";
            }
            if (cause instanceof ConnectException) {
                return "cannot reach " + where + ": connection refused (is the broker running on that port?)";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "cannot resolve the broker host '" + settings.host() + "'";
            }
        }
        if (failure instanceof ConnectionClosedException) {
            return "connection to " + where + " closed by the broker or the network";
        }
        return "cannot connect to " + where + ": " + firstLine(String.valueOf(failure.getMessage()));
    }

    private static String refusal(boolean credentials, String code) {
        return credentials
                ? "not authorized: the broker refused mqtt.username/mqtt.password (CONNACK " + code + ")"
                : "the broker refused the connection (CONNACK " + code + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no details";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
