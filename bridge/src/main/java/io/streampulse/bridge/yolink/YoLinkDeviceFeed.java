package io.streampulse.bridge.yolink;

import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.cloud.YoLinkDevice;
import io.streampulse.bridge.yolink.events.DeviceNormalizer;
import io.streampulse.bridge.yolink.events.MalformedEventException;
import io.streampulse.bridge.yolink.events.YoLinkEvent;
import io.streampulse.bridge.yolink.events.YoLinkEventParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * YoLink messages and device lists into device states: keeps each device's latest state in memory (so the
 * critical path needs no Redis round trip), normalizes each message against it and hands the result to every
 * {@link DeviceUpdates}. Call it from one thread: that is what keeps a device's states in order.
 */
public final class YoLinkDeviceFeed {

    private static final Logger LOG = LoggerFactory.getLogger(YoLinkDeviceFeed.class);
    private static final int LOG_FIRST = 10;
    private static final int LOG_EVERY = 1000;

    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();
    private final List<DeviceUpdates> consumers;
    private final LongSupplier clock;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    public YoLinkDeviceFeed(List<DeviceUpdates> consumers, LongSupplier clock) {
        this.consumers = List.copyOf(consumers);
        this.clock = clock;
    }

    /** One MQTT message from {@code yl-home/<homeId>/<deviceId>/report}. */
    public void onMessage(String topic, String payload) {
        received.incrementAndGet();
        YoLinkEvent event;
        try {
            event = YoLinkEventParser.parse(payload);
        } catch (MalformedEventException e) {
            long count = malformed.incrementAndGet();
            if (count <= LOG_FIRST || count % LOG_EVERY == 0) {
                LOG.warn("YoLink message on {} ignored ({} malformed so far): {}", topic, count, e.getMessage());
            }
            return;
        }
        DeviceState next = DeviceNormalizer.apply(devices.get(event.deviceId()), event, clock.getAsLong());
        devices.put(next.deviceId(), next);
        for (DeviceUpdates consumer : consumers) {
            try {
                consumer.updated(next);
            } catch (RuntimeException e) {
                LOG.error("Device {}: update consumer {} failed", next.deviceId(), consumer, e);
            }
        }
    }

    /** A fresh {@code Home.getDeviceList}. */
    public void onDeviceList(List<YoLinkDevice> list) {
        List<DeviceState> merged = new ArrayList<>(list.size());
        for (YoLinkDevice device : list) {
            DeviceState next = DeviceNormalizer.apply(devices.get(device.deviceId()), device);
            devices.put(next.deviceId(), next);
            merged.add(next);
        }
        for (DeviceUpdates consumer : consumers) {
            try {
                consumer.listed(List.copyOf(merged));
            } catch (RuntimeException e) {
                LOG.error("Device list consumer {} failed", consumer, e);
            }
        }
    }

    public Optional<DeviceState> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public Collection<DeviceState> devices() {
        return List.copyOf(devices.values());
    }

    public long received() {
        return received.get();
    }

    public long malformed() {
        return malformed.get();
    }
}
