package io.streampulse.publisher.streams;

import io.streampulse.shared.feed.SseEvent;
import io.streampulse.publisher.connection.MessageSink;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every configured stream's latest status from the monitor's events and publishes it, retained, on
 * {@code <base>/streams/<id>/state} as soon as it changes. A removed stream's retained state is cleared.
 */
public final class StreamStatePublisher {

    /** The slice of the config this publisher works with. */
    public record Options(TopicLayout layout, int qos, boolean degradedCountsAsUp, long refreshMillis,
                          Set<String> streamIds) {
    }

    private final MessageSink sink;
    private final Map<String, MonitorStream> latest = new ConcurrentHashMap<>();
    private final Map<String, StatePublishPolicy.Published> published = new ConcurrentHashMap<>();
    private volatile Options options;
    private String lastEventData = "";

    public StreamStatePublisher(MessageSink sink, Options options) {
        this.sink = sink;
        this.options = options;
    }

    /** A monitor event, from the one feed thread; anything other than a stream's status is ignored. */
    public void onEvent(SseEvent event) {
        switch (event.name()) {
            case "snapshot", "heartbeat", "state" -> {
                // the monitor sends a change twice, as heartbeat then as state, with the same data: parse it once
                if (event.name().equals("state") && event.data().equals(lastEventData)) {
                    return;
                }
                lastEventData = event.data();
                MonitorStreamParser.parse(event.data()).ifPresent(this::accept);
            }
            default -> {
                // "ready" and future event kinds carry no stream status
            }
        }
    }

    /** A monitor {@code /api/status} body: each stream's 24 h uptime, which the events do not carry. */
    public void onStatusSnapshot(String body) {
        StatusUptimeParser.parse(body).forEach((id, uptime) -> {
            MonitorStream known = latest.get(id);
            if (known != null) {
                accept(known.withUptime(OptionalDouble.of(uptime)));
            }
        });
    }

    void accept(MonitorStream reported) {
        Options current = options;
        // the monitor may still report a stream this process already saw removed from the config
        if (!current.streamIds().contains(reported.id())) {
            return;
        }
        MonitorStream known = latest.get(reported.id());
        MonitorStream stream = reported.uptime24h().isEmpty() && known != null
                ? reported.withUptime(known.uptime24h()) : reported;
        latest.put(stream.id(), stream);
        long now = System.currentTimeMillis();
        published.compute(stream.id(), (id, last) -> {
            if (!StatePublishPolicy.shouldPublish(last, stream, now, current.refreshMillis())) {
                return last;
            }
            sink.publish(message(stream, current));
            return new StatePublishPolicy.Published(stream, now);
        });
    }

    /** After a (re)connect: the broker may have lost retained messages in a restart. */
    public void republishAll() {
        Options current = options;
        long now = System.currentTimeMillis();
        latest.values().forEach(stream -> published.compute(stream.id(), (id, last) -> {
            sink.publish(message(stream, current));
            return new StatePublishPolicy.Published(stream, now);
        }));
    }

    /** A config change: removed streams lose their retained state; a new topic layout or qos re-publishes. */
    public void configure(Options next) {
        Options previous = options;
        options = next;
        for (String id : Set.copyOf(latest.keySet())) {
            if (!next.streamIds().contains(id)) {
                latest.remove(id);
                published.remove(id);
                sink.publish(OutgoingMessage.removal(previous.layout().streamState(id), previous.qos()));
            }
        }
        if (!previous.layout().equals(next.layout()) || previous.qos() != next.qos()
                || previous.degradedCountsAsUp() != next.degradedCountsAsUp()) {
            republishAll();
        }
    }

    public int streamCount() {
        return latest.size();
    }

    private static OutgoingMessage message(MonitorStream stream, Options options) {
        return new OutgoingMessage(options.layout().streamState(stream.id()),
                StreamStateMapper.toJson(stream, options.degradedCountsAsUp()), options.qos(), true);
    }
}
