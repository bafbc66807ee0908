package io.streampulse.publisher.support;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.streampulse.testkit.Eventually;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test subscriber on "#" of a real broker (plain TCP): every message with its arrival time, and the latest per
 * topic. It reconnects by itself after a broker restart, and re-receives the retained messages then.
 */
public final class MqttRecorder implements AutoCloseable {

    /** One message as received. */
    public record Received(String topic, String payload, boolean retain, long atNanos) {
    }

    private final Mqtt5AsyncClient client;
    // a queue, not a copy-on-write list: a benchmark records tens of thousands of messages
    private final ConcurrentLinkedQueue<Received> all = new ConcurrentLinkedQueue<>();
    private final Map<String, Received> latest = new ConcurrentHashMap<>();

    public MqttRecorder(String host, int port, String username, String password) {
        Mqtt5ClientBuilder builder = Mqtt5Client.builder().identifier("recorder-" + UUID.randomUUID())
                .serverHost(host).serverPort(port)
                .automaticReconnect().initialDelay(50, TimeUnit.MILLISECONDS).maxDelay(200, TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect();
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
            Received received = new Received(publish.getTopic().toString(),
                    new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8), publish.isRetain(),
                    System.nanoTime());
            all.add(received);
            latest.put(received.topic(), received);
        });
        client.connect().join();
        client.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send().join();
    }

    /** The latest payload on a topic, if any arrived. */
    public Optional<String> latest(String topic) {
        return Optional.ofNullable(latest.get(topic)).map(Received::payload);
    }

    /** Waits until the latest payload on {@code topic} satisfies {@code condition}; returns it. */
    public String awaitLatest(String topic, Duration timeout, Predicate<String> condition) {
        return Eventually.await(timeout, "a message on " + topic, () -> latest(topic).orElse(null),
                payload -> payload != null && condition.test(payload));
    }

    /** Waits for a message on {@code topic}, received after {@code afterNanos}, that satisfies the condition. */
    public Received awaitAfter(String topic, long afterNanos, Duration timeout, Predicate<String> condition) {
        return Eventually.await(timeout, "a new message on " + topic, () -> all.stream()
                .filter(r -> r.topic().equals(topic) && r.atNanos() >= afterNanos && condition.test(r.payload()))
                .findFirst().orElse(null), r -> r != null);
    }

    public List<Received> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        client.disconnect().handle((ok, error) -> null).join();
    }
}
