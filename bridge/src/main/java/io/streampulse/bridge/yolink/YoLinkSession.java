package io.streampulse.bridge.yolink;

import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.cloud.AccessToken;
import io.streampulse.bridge.yolink.cloud.CloudStatus;
import io.streampulse.bridge.yolink.cloud.YoLinkCloud;
import io.streampulse.bridge.yolink.cloud.YoLinkCloudException;
import io.streampulse.bridge.yolink.cloud.YoLinkDevice;
import io.streampulse.bridge.yolink.cloud.YoLinkEndpoints;
import io.streampulse.bridge.yolink.mqtt.ConnectLimiter;
import io.streampulse.bridge.yolink.mqtt.MqttStatus;
import io.streampulse.bridge.yolink.mqtt.YoLinkMqttSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One YoLink account, connected: token (renewed on its timer), home id, the device list (read at start, every
 * {@code deviceRefresh} and on demand) and the MQTT subscription, all feeding one {@link YoLinkDeviceFeed}.
 * Until the cloud answers (wrong credentials, no network) it retries with backoff; MQTT starts only once the home
 * id is known, so it never subscribes to {@code yl-home//+/report}.
 */
public final class YoLinkSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YoLinkSession.class);
    static final RetryBackoff START_RETRY = new RetryBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    /** What a session needs from {@code yolink} in config.yaml, plus the retry policies (tests shorten them). */
    public record Settings(String apiUrl, String uaid, String secret, String mqttHost, int mqttPort,
                           Duration deviceRefresh, RetryBackoff mqttBackoff, ConnectLimiter mqttLimiter) {

        @Override
        public String toString() {
            return "Settings[" + apiUrl + ", uaid " + uaid + ", mqtt " + mqttHost + ":" + mqttPort + "]";
        }
    }

    private final Settings settings;
    private final YoLinkDeviceFeed feed;
    private final YoLinkCloud cloud;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService events;
    private volatile YoLinkMqttSubscriber subscriber;
    private volatile String homeId;
    private volatile long lastRefreshMillis;
    private int failedStarts;
    private volatile boolean closed;

    public YoLinkSession(Settings settings, YoLinkDeviceFeed feed) {
        this.settings = settings;
        this.feed = feed;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "yolink-cloud"));
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "yolink-events"));
        this.cloud = new YoLinkCloud(YoLinkEndpoints.under(settings.apiUrl()), settings.uaid(), settings.secret(),
                scheduler, System::currentTimeMillis);
        cloud.onTokenRenewed(token -> {
            YoLinkMqttSubscriber current = subscriber;
            if (current != null) {
                current.tokenRenewed();
            }
        });
    }

    public void start() {
        cloud.start();
        scheduler.execute(this::connect);
    }

    /** Reads the device list now (on the cloud thread); the feed and its consumers get it too. */
    public CompletableFuture<List<DeviceState>> refreshDevices() {
        CompletableFuture<List<DeviceState>> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                List<YoLinkDevice> devices = cloud.deviceList();
                lastRefreshMillis = System.currentTimeMillis();
                events.execute(() -> {
                    feed.onDeviceList(devices);
                    result.complete(devices.stream().map(d -> feed.device(d.deviceId()).orElseThrow()).toList());
                });
            } catch (YoLinkCloudException e) {
                LOG.warn("YoLink device list not read: {}", e.getMessage());
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    public CloudStatus cloudStatus() {
        return cloud.status();
    }

    public Optional<MqttStatus> mqttStatus() {
        YoLinkMqttSubscriber current = subscriber;
        return current == null ? Optional.empty() : Optional.of(current.status());
    }

    public Optional<String> homeId() {
        return Optional.ofNullable(homeId);
    }

    public long lastRefreshMillis() {
        return lastRefreshMillis;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        YoLinkMqttSubscriber current;
        synchronized (this) {
            closed = true;
            current = subscriber;
        }
        cloud.close();
        if (current != null) {
            current.close();
        }
        scheduler.shutdownNow();
        events.shutdown();
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            homeId = cloud.homeId();
        } catch (YoLinkCloudException e) {
            long retry = START_RETRY.delay(failedStarts++, ThreadLocalRandom.current().nextDouble()).toMillis();
            LOG.warn("YoLink not connected: {}; trying again in {} s", e.getMessage(), retry / 1000);
            scheduler.schedule(this::connect, retry, TimeUnit.MILLISECONDS);
            return;
        }
        LOG.info("YoLink home {} found", homeId);
        refreshDevices();
        long refresh = settings.deviceRefresh().toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshDevices, refresh, refresh, TimeUnit.MILLISECONDS);
        YoLinkMqttSubscriber next = new YoLinkMqttSubscriber(settings.mqttHost(), settings.mqttPort(), homeId,
                this::currentToken, feed::onMessage, events, settings.mqttBackoff(), settings.mqttLimiter(),
                System::currentTimeMillis);
        synchronized (this) {
            if (closed) {
                return; // closed while we were asking the cloud: no connection may outlive the session
            }
            subscriber = next;
        }
        next.start();
    }

    /** The token to connect with; none yet (renewal failing) gives an empty username: refused, retried. */
    private String currentToken() {
        return cloud.currentToken().map(AccessToken::value).orElse("");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
