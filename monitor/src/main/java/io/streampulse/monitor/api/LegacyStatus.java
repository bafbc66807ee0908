package io.streampulse.monitor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.streampulse.monitor.live.StreamStatus;
import io.streampulse.monitor.state.StreamState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One stream in {@code /api/status}: StreamPulse's {@code {ts, status, latency, message}} (status "ok" or "fail",
 * "" before the first check, ts as ISO-8601 in the configured zone) plus fields old readers ignore:
 * {@code id}, {@code state} (UP, DEGRADED, DOWN, PENDING), {@code since}, {@code uptime_24h} (time-weighted
 * availability 0..1, null until known) and {@code thumbnail} (the path of the latest picture, null until one).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LegacyStatus(String ts, String status, Long latency, String message, String id, String state,
                           String since, @JsonProperty("uptime_24h") Double uptime24h, String thumbnail) {

    static LegacyStatus of(StreamStatus s, ZoneId zone, boolean degradedCountsAsUp, Double uptime24h,
                           String thumbnail) {
        if (s.state() == null) {
            return new LegacyStatus("", "", null, s.message(), s.id(), null, null, uptime24h, thumbnail);
        }
        boolean ok = s.state() == StreamState.UP || degradedCountsAsUp && s.state() == StreamState.DEGRADED;
        return new LegacyStatus(iso(s.ts(), zone), ok ? "ok" : "fail", s.latencyMs(), s.message(), s.id(),
                s.state().name(), iso(s.since(), zone), uptime24h, thumbnail);
    }

    private static String iso(Long epochMillis, ZoneId zone) {
        return epochMillis == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
