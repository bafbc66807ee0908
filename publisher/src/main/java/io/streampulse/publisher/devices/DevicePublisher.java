package io.streampulse.publisher.devices;

import io.streampulse.publisher.connection.MessageSink;
import io.streampulse.publisher.discovery.Origin;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.shared.feed.SseEvent;
import io.streampulse.publisher.topics.TopicLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps every bridge device's latest state and publishes it, retained, on {@code <base>/devices/<id>/state} when
 * it changes, with its Home Assistant discovery on first sight (again on each connect, on Home Assistant's
 * {@code online}, and when its name or type changes). A device missing from the bridge's list loses its retained
 * state and its entities (empty retained configs).
 */
public final class DevicePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePublisher.class);

    /** The config slice devices depend on. */
    public record Options(TopicLayout layout, int qos, boolean discovery, Origin origin) {
    }

    private final MessageSink sink;
    private final Map<String, DeviceReport> latest = new LinkedHashMap<>();
    private Options options;

    public DevicePublisher(MessageSink sink, Options options) {
        this.sink = sink;
        this.options = options;
    }

    /** A bridge event, from the one feed thread: {@code snapshot} and {@code device} carry a DeviceState. */
    public void onEvent(SseEvent event) {
        if (!event.name().equals("snapshot") && !event.name().equals("device")) {
            return; // "alert": the device event of the same change carries the state
        }
        try {
            accept(BridgeDeviceParser.parse(event.data()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Bridge events: skipped a '{}' event (id '{}'): {}", event.name(), event.id(), e.getMessage());
        }
    }

    synchronized void accept(DeviceReport report) {
        DeviceReport known = latest.put(report.id(), report);
        if (report.equals(known)) {
            return;
        }
        sink.publish(state(report, options));
        if (known == null || !known.name().equals(report.name()) || !known.type().equals(report.type())) {
            if (known != null) {
                unannounce(known, options);
            }
            announce(report);
        }
    }

    /** The bridge's whole device list (read on every connect): devices no longer in it are removed. */
    public synchronized void onDeviceList(List<DeviceReport> devices) {
        Set<String> present = devices.stream().map(DeviceReport::id).collect(Collectors.toSet());
        for (DeviceReport gone : List.copyOf(latest.values())) {
            if (!present.contains(gone.id())) {
                LOG.info("Bridge device {} ('{}') is gone; removing its state and entities", gone.id(), gone.name());
                latest.remove(gone.id());
                sink.publish(OutgoingMessage.removal(options.layout().deviceState(gone.id()), options.qos()));
                unannounce(gone, options);
            }
        }
        devices.forEach(this::accept);
    }

    /** After a (re)connect: the broker may have lost retained messages in a restart. */
    public synchronized void republishAll() {
        latest.values().forEach(report -> {
            sink.publish(state(report, options));
            announce(report);
        });
    }

    /** A message on a subscribed topic: Home Assistant's birth message triggers a re-announce. */
    public synchronized void onMessage(String topic, String payload) {
        if (topic.equals(options.layout().homeAssistantStatus()) && TopicLayout.ONLINE.equals(payload.strip())) {
            latest.values().forEach(this::announce);
        }
    }

    /** A config change: a new layout or qos moves everything; discovery switched off removes the entities. */
    public synchronized void configure(Options next) {
        Options previous = options;
        options = next;
        boolean moved = !previous.layout().equals(next.layout()) || previous.qos() != next.qos();
        if (moved || (previous.discovery() && !next.discovery())) {
            latest.values().forEach(report -> unannounce(report, previous));
        }
        if (moved || (!previous.discovery() && next.discovery())) {
            republishAll();
        }
    }

    public synchronized int deviceCount() {
        return latest.size();
    }

    private void announce(DeviceReport report) {
        if (options.discovery()) {
            DeviceDiscoveryBuilder.configs(options.layout(), report, options.origin(), options.qos())
                    .forEach(sink::publish);
        }
    }

    private void unannounce(DeviceReport report, Options from) {
        if (from.discovery()) {
            DeviceDiscoveryBuilder.removals(from.layout(), report, from.qos()).forEach(sink::publish);
        }
    }

    private static OutgoingMessage state(DeviceReport report, Options options) {
        return new OutgoingMessage(options.layout().deviceState(report.id()), DeviceStateMapper.toJson(report),
                options.qos(), true);
    }
}
