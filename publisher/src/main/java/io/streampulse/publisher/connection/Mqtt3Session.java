package io.streampulse.publisher.connection;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** MQTT 3.1.1 (StreamPulse's protocol), for brokers that do not speak 5. */
final class Mqtt3Session implements MqttSession {

    private final Mqtt3AsyncClient client;
    private final BrokerSettings settings;

    Mqtt3Session(MqttClientBuilder common, BrokerSettings settings, SessionListener listener) {
        this.settings = settings;
        Mqtt3ClientBuilder builder = common.useMqttVersion3();
        if (!settings.username().isEmpty()) {
            builder = builder.simpleAuth().username(settings.username())
                    .password(settings.password().value().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.willPublish().topic(settings.willTopic())
                .payload(TopicLayout.OFFLINE.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> listener.received(
                publish.getTopic().toString(), new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
    }

    @Override
    public void connect() {
        client.connectWith().keepAlive(settings.keepaliveSeconds()).cleanSession(true).send();
    }

    @Override
    public CompletableFuture<Void> publish(OutgoingMessage message) {
        return client.publishWith().topic(message.topic())
                .payload(message.payload().getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.fromCode(message.qos())).retain(message.retain()).send()
                .thenApply(sent -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter) {
        return client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE).send()
                .thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
