package io.streampulse.streamer.feed;

import io.streampulse.shared.feed.HttpFailures;
import io.streampulse.shared.feed.ReconnectBackoff;
import io.streampulse.shared.feed.SseEvent;
import io.streampulse.shared.feed.SseFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Follows the bridge: on every (re)connection of its server-sent events ({@code /api/devices/events}) it reloads
 * the full list ({@code GET /api/devices}), so nothing missed in between stays missed, then applies the events:
 * {@code snapshot} (one device as it is now, or the whole array), {@code device} (one device changed),
 * {@code removed} ({@code {"device_id": ...}}). Reconnection and backoff are shared's {@link SseFollower}.
 */
public final class BridgeSensorFeed extends ListenedFeed {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeSensorFeed.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI devicesUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final DeviceTable table = new DeviceTable();
    private final SseFollower events;
    private volatile boolean loaded;

    public BridgeSensorFeed(URI bridgeBase) {
        super(FeedSnapshot.unreachable("not connected yet"));
        this.devicesUri = bridgeBase.resolve("/api/devices");
        this.events = new SseFollower("bridge", bridgeBase.resolve("/api/devices/events"), this::apply,
                this::load, this::disconnected, ReconnectBackoff.EVENT_FEED);
    }

    @Override
    public void start() {
        events.start();
    }

    @Override
    public void close() {
        events.close();
        forgetListeners();
    }

    /** The list is a courtesy: when it fails, the per-device snapshots that open the stream fill the table. */
    private void load() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(devicesUri).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            table.replaceAll(DeviceJson.parseList(response.body()));
            loaded = true;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Bridge feed: {}", HttpFailures.describe(devicesUri, "bridge", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        publish(true, "");
    }

    /** One bad event is logged and skipped; the stream goes on. */
    private void apply(SseEvent event) {
        String data = event.data();
        try {
            switch (event.name()) {
                // the bridge sends one snapshot event per device on connect; a whole array is taken too
                case "snapshot" -> {
                    if (data.stripLeading().startsWith("[")) {
                        table.replaceAll(DeviceJson.parseList(data));
                    } else {
                        DeviceJson.parseOne(data).ifPresent(table::put);
                    }
                    loaded = true;
                }
                case "device", "message" -> DeviceJson.parseOne(data).ifPresent(table::put);
                case "removed" -> DeviceJson.deviceId(data).ifPresent(table::remove);
                default -> {
                    return;
                }
            }
            publish(true, "");
        } catch (IllegalArgumentException e) {
            LOG.warn("Bridge feed: skipped a '{}' event: {}", event.name(), e.getMessage());
        }
    }

    private void disconnected(String problem) {
        publish(false, problem);
    }

    private void publish(boolean connected, String problem) {
        publish(new FeedSnapshot(connected, loaded, table.cards(), problem));
    }
}
