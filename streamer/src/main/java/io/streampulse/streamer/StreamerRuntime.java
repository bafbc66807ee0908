package io.streampulse.streamer;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamerSection;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.shared.feed.PeerUrl;
import io.streampulse.shared.health.HealthContributor;
import io.streampulse.streamer.engine.Dashboard;
import io.streampulse.streamer.engine.DashboardSettings;
import io.streampulse.streamer.feed.BridgeSensorFeed;
import io.streampulse.streamer.feed.SensorFeed;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the dashboard pipeline from the {@code streamer} section. A change to what the pipeline uses (size, frame
 * rate, stream name, RTSP port, credentials, cycle interval, or the suite's timezone) rebuilds it live: the old
 * pipeline closes (its RTSP clients are disconnected and reconnect, as after a camera reboot), a new one starts
 * with new encoders and paths. {@code api_port} still takes effect at the next start (the HTTP server is
 * Micronaut's). An RTSP port that cannot be bound is reported on /health while the HTTP side keeps serving.
 */
@Context
public class StreamerRuntime implements HealthContributor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamerRuntime.class);

    private final URI bridge;
    private volatile SensorFeed feed;
    private volatile Dashboard dashboard;
    private volatile StreamerSection section;
    private volatile DashboardSettings settings;
    private volatile String problem = "";

    /**
     * @param bridgeUrl  env STREAMPULSE_BRIDGE_URL; when unset, the bridge on this host at STREAMPULSE_BRIDGE_PORT
     */
    public StreamerRuntime(ConfigWatcher watcher, @Value("${streampulse.bridge.url:}") String bridgeUrl,
                           @Value("${streampulse.bridge.port:7200}") int bridgePort) {
        SuiteConfig config = watcher.current().config();
        this.bridge = PeerUrl.of(bridgeUrl, bridgePort);
        DashboardSettings first = DashboardSettings.of(config.streamer(), config.timezone());
        SensorFeed firstFeed = new BridgeSensorFeed(bridge);
        start(config.streamer(), first, firstFeed, new Dashboard(first, firstFeed));
        watcher.subscribe(change -> apply(change.current().config()));
    }

    private synchronized void apply(SuiteConfig config) {
        StreamerSection next = config.streamer();
        DashboardSettings nextSettings = DashboardSettings.of(next, config.timezone());
        if (next.apiPort() != section.apiPort()) {
            LOG.warn("Streamer: api_port {} -> {} takes effect when the streamer restarts", section.apiPort(),
                    next.apiPort());
        }
        if (nextSettings.equals(settings)) {
            section = next;
            return;
        }
        LOG.info("Streamer: the streamer section changed; rebuilding the pipeline ({}x{} at {} fps, /{} on port {})",
                nextSettings.width(), nextSettings.height(), nextSettings.frameRate(), nextSettings.streamName(),
                nextSettings.rtspPort());
        SensorFeed nextFeed = new BridgeSensorFeed(bridge);
        Dashboard nextDashboard;
        try {
            nextDashboard = new Dashboard(nextSettings, nextFeed);
        } catch (RuntimeException e) {
            LOG.error("Streamer: cannot build the pipeline for the new streamer section ({}); keeping the running one",
                    e.getMessage());
            return;
        }
        dashboard.close(); // frees the RTSP port before the new server binds it
        start(next, nextSettings, nextFeed, nextDashboard);
    }

    private void start(StreamerSection next, DashboardSettings nextSettings, SensorFeed nextFeed,
                       Dashboard nextDashboard) {
        feed = nextFeed;
        dashboard = nextDashboard;
        section = next;
        settings = nextSettings;
        problem = "";
        try {
            nextDashboard.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while starting";
        } catch (RuntimeException e) {
            problem = "RTSP port " + next.rtspPort() + ": " + e.getMessage();
            LOG.error("Streamer: cannot serve RTSP on port {}: {}", next.rtspPort(), e.getMessage());
        }
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public StreamerSection section() {
        return section;
    }

    public SensorFeed feed() {
        return feed;
    }

    @Override
    public String name() {
        return "streamer";
    }

    @Override
    public boolean healthy() {
        return problem.isEmpty() && feed.current().connected();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rtsp_port", section.rtspPort());
        details.put("rtsp_problem", problem);
        details.put("bridge_connected", feed.current().connected());
        details.put("bridge_problem", feed.current().problem());
        details.put("rtsp_clients", dashboard.rtsp().clients().size());
        return details;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        dashboard.close();
    }
}
