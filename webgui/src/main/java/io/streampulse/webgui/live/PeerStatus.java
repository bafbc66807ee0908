package io.streampulse.webgui.live;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.streampulse.shared.feed.HttpFailures;
import io.streampulse.shared.feed.SseFollower;
import io.streampulse.webgui.peers.PeerLocations;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The services row of the dashboard. The monitor and the bridge are UP while their event streams are connected
 * (checked each second, a local flag, no request); the moment one connects, its extra documents are read (the
 * monitor's /api/status for uptime and thumbnails, the bridge's /api/receivers). The publisher and the streamer
 * have no event stream, so their /health (and the receivers, uptime) are read again every {@code refresh}
 * (15 s): a slow refresh of four small documents, not the dashboard's data path.
 */
@Context
@Requires(property = "streampulse.webgui.live-feeds", notEquals = "false")
public class PeerStatus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerStatus.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final PeerLocations peers;
    private final LiveBoard board;
    private final PeerJson peerJson;
    private final MonitorFeed monitor;
    private final BridgeFeed bridge;
    private final HttpClient http;
    /** two threads: a slow peer in the refresh must not hold back noticing a feed going down */
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "peer-status");
        t.setDaemon(true);
        return t;
    });
    /** null until the first check */
    private Boolean monitorUp;
    private Boolean bridgeUp;

    public PeerStatus(PeerLocations peers, HttpClient http, LiveBoard board, PeerJson peerJson, MonitorFeed monitor,
                      BridgeFeed bridge, @Value("${streampulse.webgui.health-refresh:15s}") Duration refresh) {
        this.peers = peers;
        this.http = http;
        this.board = board;
        this.peerJson = peerJson;
        this.monitor = monitor;
        this.bridge = bridge;
        for (String id : new String[] {"monitor", "bridge", "publisher", "streamer"}) {
            board.service(new ServiceRow(id, title(id), ServiceRow.UNKNOWN, "not heard from yet"));
        }
        timer.scheduleWithFixedDelay(this::feeds, 0, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Each second: a feed that came up is UP (and its documents are read); one that went down is DOWN. */
    private void feeds() {
        boolean m = monitor.follower().connected();
        if (monitorUp == null || m != monitorUp) {
            monitorUp = m;
            board.service(feedRow("monitor", monitor.follower()));
            if (m) {
                monitorStatus();
            }
        }
        boolean b = bridge.follower().connected();
        if (bridgeUp == null || b != bridgeUp) {
            bridgeUp = b;
            board.service(feedRow("bridge", bridge.follower()));
            if (b) {
                receivers();
            }
        }
    }

    private void refresh() {
        try {
            health("publisher", peers.publisher());
            health("streamer", peers.streamer());
            if (Boolean.TRUE.equals(bridgeUp)) {
                receivers();
            }
            if (Boolean.TRUE.equals(monitorUp)) {
                monitorStatus();
            }
        } catch (RuntimeException e) {
            LOG.error("peer status refresh failed", e); // the timer must keep running
        }
    }

    private static ServiceRow feedRow(String id, SseFollower follower) {
        return follower.connected() ? new ServiceRow(id, title(id), ServiceRow.UP, "event stream connected")
                : new ServiceRow(id, title(id), ServiceRow.DOWN, follower.lastError());
    }

    private void health(String id, URI base) {
        URI uri = base.resolve("/health");
        try {
            board.service(peerJson.health(id, title(id), get(uri)));
        } catch (IOException e) {
            board.service(new ServiceRow(id, title(id), ServiceRow.DOWN, HttpFailures.describe(uri, id, e)));
        }
    }

    private void receivers() {
        URI uri = peers.bridge().resolve("/api/receivers");
        try {
            peerJson.receivers(get(uri)).forEach(board::service);
        } catch (IOException e) {
            LOG.info("receivers unknown: {}", HttpFailures.describe(uri, "bridge", e));
        }
    }

    private void monitorStatus() {
        URI uri = peers.monitor().resolve("/api/status");
        try {
            peerJson.statusFigures(get(uri)).forEach(f -> board.streamStatus(f.id(), f.uptime24h(),
                    f.thumbnail() ? ThumbnailController.path(f.id()) : null));
        } catch (IOException e) {
            LOG.info("stream uptime unknown: {}", HttpFailures.describe(uri, "monitor", e));
        }
    }

    private String get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String title(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    @PreDestroy
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
