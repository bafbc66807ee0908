package io.streampulse.publisher.connection;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import io.streampulse.shared.config.MqttSection;

import java.util.concurrent.TimeUnit;

/** Builds the hivemq client for a set of settings: transport, TLS trust, id, listeners, then the protocol part. */
final class MqttSessionFactory {

    static final long SOCKET_CONNECT_TIMEOUT_SECONDS = 5;
    static final long MQTT_CONNECT_TIMEOUT_SECONDS = 10;

    private MqttSessionFactory() {
    }

    static MqttSession create(BrokerSettings settings, SessionListener listener) {
        // TLS and WebSocket go inside the one transport config: set on the client builder after
        // transportConfig() they are silently lost (the client then speaks plain MQTT to a TLS port).
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(settings.host())
                .serverPort(settings.port())
                .socketConnectTimeout(SOCKET_CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(MQTT_CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (settings.transport().tls()) {
            MqttClientSslConfigBuilder tls = MqttClientSslConfig.builder();
            TlsTrust.trustManagers(settings).ifPresent(tls::trustManagerFactory);
            TlsTrust.hostnameVerifier(settings).ifPresent(tls::hostnameVerifier);
            transport = transport.sslConfig(tls.build());
        }
        if (settings.transport().webSocket()) {
            transport = transport.webSocketConfig(MqttWebSocketConfig.builder()
                    .serverPath(Transport.WEBSOCKET_PATH).build());
        }
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(settings.clientId())
                .transportConfig(transport.build());
        builder = builder.addConnectedListener(context -> listener.connected())
                .addDisconnectedListener(listener::disconnected);
        return settings.protocol() == MqttSection.ProtocolVersion.V5
                ? new Mqtt5Session(builder, settings, listener)
                : new Mqtt3Session(builder, settings, listener);
    }
}
