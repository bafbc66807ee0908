package io.streampulse.publisher.discovery;

import io.streampulse.publisher.connection.MessageSink;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Announces every configured stream to Home Assistant, on each connect, whenever Home Assistant says
 * {@code online} on its status topic (it restarted and forgot non-retained state), and when the stream list
 * changes; a removed stream's configs are replaced by empty retained ones, which deletes its entities.
 */
public final class DiscoveryPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryPublisher.class);

    /** The config slice discovery depends on. */
    public record Options(boolean enabled, TopicLayout layout, int qos, Origin origin) {
    }

    private final MessageSink sink;
    private Options options;
    private Map<String, String> announced = Map.of();

    public DiscoveryPublisher(MessageSink sink, Options options) {
        this.sink = sink;
        this.options = options;
    }

    /** Applies a new config: streams keyed by id with their names, in config order. */
    public synchronized void configure(Options next, Map<String, String> streams) {
        Options previous = options;
        options = next;
        boolean moved = !previous.layout().equals(next.layout()) || previous.qos() != next.qos();
        Map<String, String> wanted = next.enabled() ? new LinkedHashMap<>(streams) : Map.of();
        for (String id : announced.keySet()) {
            if (moved || !wanted.containsKey(id)) {
                StreamDiscoveryBuilder.removals(previous.layout(), id, previous.qos()).forEach(sink::publish);
            }
        }
        Map<String, String> before = moved ? Map.of() : announced;
        announced = Map.copyOf(wanted);
        wanted.forEach((id, name) -> {
            if (!name.equals(before.get(id))) {
                announce(id, name);
            }
        });
    }

    /** Every configured stream again (after a connect or Home Assistant's birth message). */
    public synchronized void announceAll() {
        if (!options.enabled()) {
            return;
        }
        announced.forEach(this::announce);
        LOG.debug("Discovery: announced {} stream(s) under {}", announced.size(), options.layout().discoveryPrefix());
    }

    /** A message on a subscribed topic: Home Assistant's birth message triggers a re-announce. */
    public void onMessage(String topic, String payload) {
        TopicLayout layout;
        synchronized (this) {
            layout = options.layout();
        }
        if (topic.equals(layout.homeAssistantStatus()) && TopicLayout.ONLINE.equals(payload.strip())) {
            LOG.info("Discovery: Home Assistant came online; announcing {} stream(s) again", announced.size());
            announceAll();
        }
    }

    private void announce(String id, String name) {
        for (OutgoingMessage config : StreamDiscoveryBuilder.configs(options.layout(), id, name, options.origin(),
                options.qos())) {
            sink.publish(config);
        }
    }
}
