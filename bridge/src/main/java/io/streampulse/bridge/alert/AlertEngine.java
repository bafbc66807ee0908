package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.store.DeviceStore;
import io.streampulse.shared.config.DeviceMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every device state change passes here, one at a time: reports from YoLink ({@link #accept}), door-prop
 * deadlines ({@link #doorPropDue}) and the offline check ({@link #checkOffline}). Each change is stored (memory
 * now, Redis hash and event stream behind), its edges are queued for the outbox (group commit: on disk before
 * any send), the listener hears of them, and the door-prop timer follows the door. Nothing here waits on Redis
 * or the disk.
 */
public final class AlertEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    /** Who hears of changes after they are stored and queued for the outbox (the SSE feed, the event stream). */
    public interface Listener {
        void device(DeviceState state, boolean changed);

        void alert(AlertEvent event);
    }

    private final DeviceStore store;
    private final AlertDispatcher dispatcher;
    private final OfflineWatch offline;
    private final Listener listener;
    private final Map<String, Long> lastEdgeMillis = new ConcurrentHashMap<>();
    private volatile DoorPropTimer doorProp;
    private volatile Map<String, DeviceMapping> mappings = Map.of();

    public AlertEngine(DeviceStore store, AlertDispatcher dispatcher, OfflineWatch offline, Listener listener) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.offline = offline;
        this.listener = listener;
    }

    /** The timer is built with {@link #doorPropDue} as its callback, so it is handed over after construction. */
    public void doorPropTimer(DoorPropTimer timer) {
        this.doorProp = timer;
    }

    public void configure(Map<String, DeviceMapping> devices) {
        this.mappings = Map.copyOf(devices);
    }

    /** A report from the YoLink client. Older than what we have (reordered delivery): ignored. */
    public synchronized void accept(DeviceState report) {
        if (report.deviceId() == null || report.deviceId().isBlank() || report.kind() == null) {
            LOG.warn("Device report without device id or kind ignored: {}", report);
            return;
        }
        DeviceState previous = store.get(report.deviceId()).orElse(null);
        if (previous != null && report.lastSeenMillis() < previous.lastSeenMillis()) {
            LOG.debug("Device {}: report of {} older than the state of {}; ignored", report.deviceId(),
                    report.lastSeenMillis(), previous.lastSeenMillis());
            return;
        }
        apply(previous, EngineCauses.merge(previous, report), report.lastSeenMillis());
    }

    /** A door-prop deadline passed: the alarm, if the door is still open. */
    public synchronized void doorPropDue(String deviceId) {
        store.get(deviceId)
                .filter(s -> s.active().contains(AlertCause.OPEN) && !s.active().contains(AlertCause.DOOR_PROP))
                .ifPresent(s -> apply(s, EngineCauses.raise(s, AlertCause.DOOR_PROP), offline.now()));
    }

    /** Raises OFFLINE for every device silent past its threshold. */
    public synchronized void checkOffline() {
        for (DeviceState state : offline.overdue(store.all())) {
            LOG.warn("Device {} ({}) not heard from since {}: offline", state.deviceId(), state.name(),
                    java.time.Instant.ofEpochMilli(state.lastSeenMillis()));
            apply(state, EngineCauses.raise(state, AlertCause.OFFLINE), offline.now());
        }
    }

    private void apply(DeviceState previous, DeviceState next, long atMillis) {
        if (next.equals(previous)) {
            return;
        }
        store.put(next);
        List<AlertEvent> events = EdgeDetector.edges(previous, next, uniqueMillis(next.deviceId(), atMillis));
        dispatcher.dispatch(events);
        followDoor(previous, next, atMillis);
        boolean changed = previous == null || !sameCondition(previous, next);
        if (changed) {
            store.appendEvent(Map.of("type", "device", "device_id", next.deviceId(), "state",
                    String.valueOf(next.state()), "active", new TreeSet<>(next.active()).toString(),
                    "online", Boolean.toString(next.online()), "at", Long.toString(next.lastSeenMillis())));
        }
        listener.device(next, changed);
        for (AlertEvent event : events) {
            store.appendEvent(Map.of("type", "alert", "id", event.id(), "device_id", event.deviceId(), "cause",
                    event.cause().name(), "restore", Boolean.toString(event.restore()),
                    "at", Long.toString(event.atMillis())));
            listener.alert(event);
        }
    }

    /** Event ids carry the time: two edges of one device in the same millisecond get consecutive times. */
    private long uniqueMillis(String deviceId, long atMillis) {
        return lastEdgeMillis.merge(deviceId, atMillis, (last, at) -> Math.max(at, last + 1));
    }

    private void followDoor(DeviceState previous, DeviceState next, long atMillis) {
        DoorPropTimer timer = doorProp;
        if (timer == null || next.kind() != DeviceKind.DOOR) {
            return;
        }
        boolean open = next.active().contains(AlertCause.OPEN);
        boolean wasOpen = previous != null && previous.active().contains(AlertCause.OPEN);
        DeviceMapping mapping = mappings.get(next.deviceId());
        if (open && !wasOpen && mapping != null && mapping.doorPropSeconds() > 0) {
            timer.arm(next.deviceId(), atMillis + mapping.doorPropSeconds() * 1000L);
        } else if (!open && (wasOpen || timer.armed(next.deviceId()))) {
            timer.disarm(next.deviceId());
        }
    }

    /** Same state, causes and online flag: only readings or the last-seen time moved. */
    private static boolean sameCondition(DeviceState a, DeviceState b) {
        return Objects.equals(a.state(), b.state()) && a.active().equals(b.active()) && a.online() == b.online();
    }
}
