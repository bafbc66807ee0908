package io.streampulse.monitor.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.live.StreamStatus;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.SuiteConfig;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/status}: every configured stream keyed by name, sorted like StreamPulse's Flask output, so
 * existing dashboards and the publisher's snapshot keep working. Served from memory.
 */
@Controller("/api/status")
public class StatusController {

    private final StatusBoard board;
    private final ConfigWatcher config;

    public StatusController(StatusBoard board, ConfigWatcher config) {
        this.board = board;
        this.config = config;
    }

    @Get
    public Map<String, LegacyStatus> status() {
        SuiteConfig current = config.current().config();
        Map<String, LegacyStatus> out = new LinkedHashMap<>();
        board.all().stream().sorted(Comparator.comparing(StreamStatus::name))
                .forEach(s -> out.put(s.name(), LegacyStatus.of(s, current.timezone(),
                        current.monitor().degradedCountsAsUp())));
        return out;
    }
}
