package io.streampulse.webgui.live;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the dashboard shows, kept in memory from the feeds: every stream, sensor and service in its latest state.
 * Each change that really changes something goes to the listeners (the hub) as an encoded message; the page's
 * first paint and every new WebSocket start from {@link #snapshot()}.
 */
@Singleton
public class LiveBoard {

    private final LiveMessages messages;
    private final Map<String, StreamRow> streams = new LinkedHashMap<>();
    private final Map<String, DeviceRow> devices = new LinkedHashMap<>();
    private final Map<String, ServiceRow> services = new LinkedHashMap<>();
    private final List<Consumer<LiveMessage>> listeners = new CopyOnWriteArrayList<>();

    public LiveBoard(LiveMessages messages) {
        this.messages = messages;
    }

    public void listen(Consumer<LiveMessage> listener) {
        listeners.add(listener);
    }

    /** A stream's new state; its uptime and thumbnail carry over unless the row brings them. */
    public synchronized void stream(StreamRow row) {
        StreamRow known = streams.get(row.id());
        StreamRow merged = known == null || row.uptime24h() != null || row.thumbnail() != null ? row
                : row.withStatus(known.uptime24h(), known.thumbnail());
        if (!merged.equals(known)) {
            streams.put(row.id(), merged);
            publish(messages.stream(merged));
        }
    }

    /** The monitor's /api/status figures (24 h uptime, thumbnail) for the streams it knows. */
    public synchronized void streamStatus(String id, Double uptime24h, String thumbnail) {
        StreamRow known = streams.get(id);
        if (known != null) {
            stream(known.withStatus(uptime24h, thumbnail));
        }
    }

    /** After a full snapshot from the monitor: streams it no longer has are gone. */
    public synchronized void retainStreams(Set<String> ids) {
        for (String id : List.copyOf(streams.keySet())) {
            if (!ids.contains(id)) {
                streams.remove(id);
                publish(messages.streamRemoved(id));
            }
        }
    }

    public synchronized void device(DeviceRow row) {
        if (!row.equals(devices.put(row.deviceId(), row))) {
            publish(messages.device(row));
        }
    }

    public synchronized void service(ServiceRow row) {
        if (!row.equals(services.put(row.id(), row))) {
            publish(messages.service(row));
        }
    }

    public synchronized void alert(AlertRow row) {
        publish(messages.alert(row));
    }

    public synchronized LiveMessages.LiveSnapshot snapshot() {
        return new LiveMessages.LiveSnapshot(System.currentTimeMillis(),
                sorted(streams.values(), StreamRow::name), sorted(devices.values(), DeviceRow::name),
                new ArrayList<>(services.values()));
    }

    /** Runs {@code then} with the current snapshot while no change can slip in between (a new connection). */
    public synchronized void snapshotThen(Consumer<LiveMessages.LiveSnapshot> then) {
        then.accept(snapshot());
    }

    private void publish(LiveMessage message) {
        listeners.forEach(l -> l.accept(message));
    }

    private static <T> List<T> sorted(Iterable<T> rows, Function<T, String> name) {
        List<T> out = new ArrayList<>();
        rows.forEach(out::add);
        out.sort(Comparator.comparing(r -> Objects.requireNonNullElse(name.apply(r), ""),
                String.CASE_INSENSITIVE_ORDER));
        return out;
    }
}
