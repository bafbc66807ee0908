package io.streampulse.monitor.sla;

import io.micronaut.scheduling.annotation.Scheduled;
import io.streampulse.monitor.history.HistoryReads;
import io.streampulse.shared.config.ConfigWatcher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every stream's availability over the last 24 h, 7 d and 30 d, recomputed from the history once a minute, so
 * {@code /api/status} and the per-stream SLA gauges read memory, not the database.
 */
@Singleton
public class SlaBoard {

    /** The windows kept up to date, with the label they carry in metrics. */
    public enum Window {
        DAY("24h", Duration.ofHours(24)), WEEK("7d", Duration.ofDays(7)), MONTH("30d", Duration.ofDays(30));

        private final String label;
        private final Duration length;

        Window(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public String label() {
            return label;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SlaBoard.class);
    private final HistoryReads history;
    private final ConfigWatcher config;
    private volatile Map<Window, Map<String, SlaCalculator.Sla>> current = Map.of();

    public SlaBoard(HistoryReads history, ConfigWatcher config) {
        this.history = history;
        this.config = config;
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "5s")
    public void refresh() {
        long now = System.currentTimeMillis();
        boolean degradedCountsAsUp = config.current().config().monitor().degradedCountsAsUp();
        try {
            Map<Window, Map<String, SlaCalculator.Sla>> next = new EnumMap<>(Window.class);
            for (Window window : Window.values()) {
                next.put(window, history.slaAll(now - window.length.toMillis(), now, degradedCountsAsUp));
            }
            current = next;
        } catch (RuntimeException e) {
            LOG.warn("SLA figures not refreshed, the last ones stay: {}", e.getMessage());
        }
    }

    /** A stream's availability (0..1) over the window, empty when nothing is known yet. */
    public OptionalDouble availability(String streamId, Window window) {
        SlaCalculator.Sla sla = current.getOrDefault(window, Map.of()).get(streamId);
        return sla == null ? OptionalDouble.empty() : sla.availability();
    }
}
