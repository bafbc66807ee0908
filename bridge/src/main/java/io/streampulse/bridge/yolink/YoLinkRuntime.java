package io.streampulse.bridge.yolink;

import io.micronaut.context.annotation.Context;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.mqtt.ConnectLimiter;
import io.streampulse.bridge.yolink.mqtt.YoLinkMqttSubscriber;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.YoLinkSection;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The YoLink side of the bridge, following {@code yolink} in config.yaml: a {@link YoLinkSession} while UAID and
 * secret key are set, replaced only when that section changes. Every {@link DeviceUpdates} bean gets the device
 * states (such a bean must not depend on this one). One {@link YoLinkDeviceFeed} outlives sessions, so device
 * states survive a credentials change.
 */
@Context
public class YoLinkRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YoLinkRuntime.class);

    private final YoLinkDeviceFeed feed;
    private YoLinkSection applied;
    private volatile YoLinkSession session;

    public YoLinkRuntime(ConfigWatcher watcher, List<DeviceUpdates> consumers) {
        this.feed = new YoLinkDeviceFeed(consumers, System::currentTimeMillis);
        watcher.subscribe(change -> apply(change.current().config().yolink()));
        apply(watcher.current().config().yolink());
    }

    synchronized void apply(YoLinkSection section) {
        if (section.equals(applied)) {
            return;
        }
        applied = section;
        YoLinkSession old = session;
        session = null;
        if (old != null) {
            LOG.info("YoLink settings changed: reconnecting");
            old.close();
        }
        if (!section.configured()) {
            LOG.info("YoLink not configured (yolink.uaid and yolink.secret_key); no YoLink devices");
            return;
        }
        YoLinkSession next;
        try {
            next = new YoLinkSession(settings(section), feed);
        } catch (IllegalArgumentException e) {
            LOG.error("YoLink not started: {}", e.getMessage());
            return;
        }
        session = next;
        next.start();
    }

    /** Reads the device list now; fails at once when YoLink is not configured. */
    public CompletableFuture<List<DeviceState>> refreshDevices() {
        YoLinkSession current = session;
        return current == null
                ? CompletableFuture.failedFuture(new IllegalStateException("YoLink is not configured"))
                : current.refreshDevices();
    }

    public YoLinkDeviceFeed feed() {
        return feed;
    }

    public Optional<YoLinkSession> session() {
        return Optional.ofNullable(session);
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        YoLinkSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    static YoLinkSession.Settings settings(YoLinkSection section) {
        return new YoLinkSession.Settings(section.apiUrl(), section.uaid(), section.secretKey().value(),
                section.mqttHost(), section.mqttPort(), Duration.ofMinutes(section.deviceRefreshMinutes()),
                YoLinkMqttSubscriber.BACKOFF, ConnectLimiter.yolink());
    }
}
