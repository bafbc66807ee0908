package io.streampulse.monitor.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.live.StreamStatus;
import io.streampulse.monitor.probe.frame.ThumbnailStore;
import io.streampulse.monitor.sla.SlaBoard;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.SuiteConfig;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code GET /api/status}: every configured stream keyed by name, sorted like StreamPulse's Flask output, so
 * existing dashboards and the publisher's snapshot keep working. Served from memory.
 */
@Controller("/api/status")
public class StatusController {

    private final StatusBoard board;
    private final ConfigWatcher config;
    private final SlaBoard sla;
    private final ThumbnailStore thumbnails;

    public StatusController(StatusBoard board, ConfigWatcher config, SlaBoard sla, ThumbnailStore thumbnails) {
        this.board = board;
        this.config = config;
        this.sla = sla;
        this.thumbnails = thumbnails;
    }

    @Get
    public Map<String, LegacyStatus> status() {
        SuiteConfig current = config.current().config();
        Map<String, LegacyStatus> out = new LinkedHashMap<>();
        board.all().stream().sorted(Comparator.comparing(StreamStatus::name))
                .forEach(s -> out.put(s.name(), LegacyStatus.of(s, current.timezone(),
                        current.monitor().degradedCountsAsUp(), uptime24h(s.id()), thumbnail(s.id()))));
        return out;
    }

    private Double uptime24h(String id) {
        OptionalDouble value = sla.availability(id, SlaBoard.Window.DAY);
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private String thumbnail(String id) {
        return thumbnails.has(id) ? "/api/streams/" + id + "/thumbnail.jpg" : null;
    }
}
