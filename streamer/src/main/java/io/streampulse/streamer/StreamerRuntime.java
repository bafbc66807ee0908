package io.streampulse.streamer;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamerSection;
import io.streampulse.shared.config.SuiteConfig;
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
 * Starts the dashboard pipeline from the {@code streamer} section at start-up. The section's values (size, rate,
 * ports, stream name) take effect at the next start; a change is logged as such. An RTSP port that cannot be bound
 * is reported on /health while the HTTP side keeps serving.
 */
@Context
public class StreamerRuntime implements HealthContributor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamerRuntime.class);

    private final SensorFeed feed;
    private final Dashboard dashboard;
    private final StreamerSection section;
    private volatile String problem = "";

    /**
     * @param bridgeUrl  env STREAMPULSE_BRIDGE_URL; when unset, the bridge on this host at STREAMPULSE_BRIDGE_PORT
     */
    public StreamerRuntime(ConfigWatcher watcher, @Value("${streampulse.bridge.url:}") String bridgeUrl,
                           @Value("${streampulse.bridge.port:7200}") int bridgePort) {
        SuiteConfig config = watcher.current().config();
        this.section = config.streamer();
        this.feed = new BridgeSensorFeed(URI.create(bridgeUrl.isBlank() ? "http://127.0.0.1:" + bridgePort
                : bridgeUrl));
        this.dashboard = new Dashboard(DashboardSettings.of(section, config.timezone()), feed);
        watcher.subscribe(change -> {
            if (!change.current().config().streamer().equals(section)) {
                LOG.warn("Streamer: the streamer section changed; it takes effect when the streamer restarts");
            }
        });
        try {
            dashboard.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while starting";
        } catch (RuntimeException e) {
            problem = "RTSP port " + section.rtspPort() + ": " + e.getMessage();
            LOG.error("Streamer: cannot serve RTSP on port {}: {}", section.rtspPort(), e.getMessage());
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
    public void close() {
        dashboard.close();
    }
}
