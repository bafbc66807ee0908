package io.streampulse.publisher;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.streampulse.publisher.connection.BrokerConnection;
import io.streampulse.publisher.connection.BrokerSettings;
import io.streampulse.shared.feed.PeerUrl;
import io.streampulse.shared.feed.ReconnectBackoff;
import io.streampulse.publisher.devices.BridgeDeviceList;
import io.streampulse.publisher.devices.DevicePublisher;
import io.streampulse.publisher.discovery.DiscoveryPublisher;
import io.streampulse.publisher.discovery.Origin;
import io.streampulse.publisher.outbox.Outbox;
import io.streampulse.shared.feed.SseFollower;
import io.streampulse.publisher.streams.SnapshotJob;
import io.streampulse.publisher.streams.StreamStatePublisher;
import io.streampulse.publisher.topics.TopicLayout;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.MqttSection;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;
import jakarta.annotation.PreDestroy;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wires the publisher's parts to the config: at start and after every applied change of config.yaml it hands each
 * part its slice. The broker reconnects only when {@link BrokerSettings} changed; {@code mqtt.enabled: false}
 * stops the connection, the monitor feed and the snapshot. The bridge's device feed is followed while YoLink is
 * configured (without it the bridge has no devices).
 */
@Context
public class PublisherRuntime implements AutoCloseable {

    private final BrokerConnection connection;
    private final StreamStatePublisher states;
    private final DiscoveryPublisher discovery;
    private final SnapshotJob snapshot;
    private final SseFollower monitorEvents;
    private final DevicePublisher devices;
    private final BridgeDeviceList bridgeDeviceList;
    private final SseFollower bridgeEvents;
    private volatile boolean followsBridge;
    private final String hostName;
    private final Origin origin;

    /**
     * @param monitorUrl   env STREAMPULSE_MONITOR_URL; when unset, the monitor on this host at
     *                     STREAMPULSE_MONITOR_PORT (which the suite's environment script sets for every process)
     * @param bridgeUrl    env STREAMPULSE_BRIDGE_URL; when unset, the bridge on this host at STREAMPULSE_BRIDGE_PORT
     * @param reconnectMax the longest wait between broker connection attempts (tests shorten it)
     */
    public PublisherRuntime(ConfigWatcher watcher,
                            @Value("${streampulse.monitor.url:}") String monitorUrl,
                            @Value("${streampulse.monitor.port:7000}") int monitorPort,
                            @Value("${streampulse.bridge.url:}") String bridgeUrl,
                            @Value("${streampulse.bridge.port:7200}") int bridgePort,
                            @Value("${streampulse.publisher.outbox-capacity:10000}") int outboxCapacity,
                            @Value("${streampulse.publisher.reconnect-max:60s}") Duration reconnectMax) {
        URI monitor = PeerUrl.of(monitorUrl, monitorPort);
        URI bridge = PeerUrl.of(bridgeUrl, bridgePort);
        this.hostName = HostName.current();
        this.origin = new Origin("StreamPulse publisher", version(), "");
        this.connection = new BrokerConnection(new Outbox(outboxCapacity),
                ReconnectBackoff.BROKER.cappedAt(reconnectMax));
        SuiteConfig initial = watcher.current().config();
        this.states = new StreamStatePublisher(connection, stateOptions(initial));
        this.discovery = new DiscoveryPublisher(connection, discoveryOptions(initial.mqtt()));
        this.snapshot = new SnapshotJob(monitor, connection, states::onStatusSnapshot);
        this.monitorEvents = new SseFollower("monitor", monitor.resolve("/api/events"), states::onEvent, () -> { },
                ReconnectBackoff.EVENT_FEED);
        this.devices = new DevicePublisher(connection, deviceOptions(initial.mqtt()));
        this.bridgeDeviceList = new BridgeDeviceList(bridge);
        this.bridgeEvents = new SseFollower("bridge", bridge.resolve("/api/devices/events"), devices::onEvent,
                () -> bridgeDeviceList.fetch().ifPresent(devices::onDeviceList), ReconnectBackoff.EVENT_FEED);
        connection.onConnected(states::republishAll);
        connection.onConnected(discovery::announceAll);
        connection.onConnected(devices::republishAll);
        connection.onMessage(discovery::onMessage);
        connection.onMessage(devices::onMessage);
        watcher.subscribe(change -> apply(change.current().config()));
        apply(initial);
    }

    synchronized void apply(SuiteConfig config) {
        MqttSection mqtt = config.mqtt();
        followsBridge = mqtt.enabled() && config.yolink().configured();
        if (!followsBridge) {
            bridgeEvents.close();
        }
        if (!mqtt.enabled()) {
            monitorEvents.close();
            snapshot.stop();
            connection.stop();
            return;
        }
        states.configure(stateOptions(config));
        discovery.configure(discoveryOptions(mqtt), streams(config));
        devices.configure(deviceOptions(mqtt));
        TopicLayout layout = layout(mqtt);
        connection.apply(BrokerSettings.from(mqtt, hostName, layout.status(),
                mqtt.discoveryEnabled() ? Optional.of(layout.homeAssistantStatus()) : Optional.empty()));
        snapshot.apply(new SnapshotJob.Options(mqtt.topic(), mqtt.qos(), mqtt.retain(), mqtt.intervalSeconds()));
        monitorEvents.start();
        if (followsBridge) {
            bridgeEvents.start();
        }
    }

    public BrokerConnection connection() {
        return connection;
    }

    public SseFollower monitorEvents() {
        return monitorEvents;
    }

    public SseFollower bridgeEvents() {
        return bridgeEvents;
    }

    public BridgeDeviceList bridgeDeviceList() {
        return bridgeDeviceList;
    }

    public DevicePublisher devices() {
        return devices;
    }

    public boolean followsBridge() {
        return followsBridge;
    }

    public SnapshotJob snapshot() {
        return snapshot;
    }

    public StreamStatePublisher states() {
        return states;
    }

    @PreDestroy
    @Override
    public void close() {
        bridgeEvents.close();
        monitorEvents.close();
        snapshot.close();
        connection.close();
    }

    private static TopicLayout layout(MqttSection mqtt) {
        return new TopicLayout(mqtt.baseTopic(), mqtt.discoveryPrefix());
    }

    private static StreamStatePublisher.Options stateOptions(SuiteConfig config) {
        MqttSection mqtt = config.mqtt();
        return new StreamStatePublisher.Options(layout(mqtt), mqtt.qos(), config.monitor().degradedCountsAsUp(),
                mqtt.intervalSeconds() * 1000L, Set.copyOf(streams(config).keySet()));
    }

    private DiscoveryPublisher.Options discoveryOptions(MqttSection mqtt) {
        return new DiscoveryPublisher.Options(mqtt.discoveryEnabled(), layout(mqtt), mqtt.qos(), origin);
    }

    private DevicePublisher.Options deviceOptions(MqttSection mqtt) {
        return new DevicePublisher.Options(layout(mqtt), mqtt.qos(), mqtt.discoveryEnabled(), origin);
    }

    /** The streams the monitor checks: enabled ones, id to name, in config order. */
    private static Map<String, String> streams(SuiteConfig config) {
        Map<String, String> streams = new LinkedHashMap<>();
        for (StreamEntry stream : config.streams()) {
            if (stream.enabled()) {
                streams.put(stream.id(), stream.name());
            }
        }
        return streams;
    }

    private static String version() {
        String version = PublisherRuntime.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
