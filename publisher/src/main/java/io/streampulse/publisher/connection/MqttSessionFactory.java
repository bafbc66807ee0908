package io.streampulse.publisher.connection;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import io.streampulse.shared.config.MqttSection;

import java.util.concurrent.TimeUnit;

/** Builds the hivemq client for a set of settings: transport, TLS trust, id, listeners, then the protocol part. */
final class MqttSessionFactory {

    static final long SOCKET_CONNECT_TIMEOUT_SECONDS = 5;
    static final long MQTT_CONNECT_TIMEOUT_SECONDS = 10;

    private MqttSessionFactory() {
    }

    static MqttSession create(BrokerSettings settings, SessionListener listener) {
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(settings.clientId())
                .transportConfig()
                .serverHost(settings.host())
                .serverPort(settings.port())
                .socketConnectTimeout(SOCKET_CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(MQTT_CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .applyTransportConfig();
        if (settings.transport().tls()) {
            MqttClientSslConfigBuilder.Nested<? extends MqttClientBuilder> tls = builder.sslConfig();
            TlsTrust.trustManagers(settings).ifPresent(tls::trustManagerFactory);
            TlsTrust.hostnameVerifier(settings).ifPresent(tls::hostnameVerifier);
            builder = tls.applySslConfig();
        }
        if (settings.transport().webSocket()) {
            builder = builder.webSocketConfig().serverPath(Transport.WEBSOCKET_PATH).applyWebSocketConfig();
        }
        builder = builder.addConnectedListener(context -> listener.connected())
                .addDisconnectedListener(listener::disconnected);
        return settings.protocol() == MqttSection.ProtocolVersion.V5
                ? new Mqtt5Session(builder, settings, listener)
                : new Mqtt3Session(builder, settings, listener);
    }
}
