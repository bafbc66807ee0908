package io.streampulse.webgui.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One stream on the dashboard. Read straight from the monitor's StreamStatus JSON (its other fields are ignored);
 * {@code uptime24h} and {@code thumbnail} come from the monitor's {@code /api/status}, which the event stream does
 * not carry. Times are UTC epoch ms; {@code state} is null until the first check. On the wire (snake_case) the
 * uptime is {@code uptime24h}; empty and null fields are left out.
 *
 * @param thumbnail this server's URL of the latest picture (null when the monitor has none)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StreamRow(String id, String name, @Nullable String state, @Nullable Long since, @Nullable Long ts,
                        @Nullable Long latencyMs, @Nullable String message, @Nullable Double uptime24h,
                        @Nullable String thumbnail) {

    /** The same stream with the figures only /api/status knows. */
    public StreamRow withStatus(@Nullable Double uptime, @Nullable String thumbnailUrl) {
        return new StreamRow(id, name, state, since, ts, latencyMs, message, uptime, thumbnailUrl);
    }

    /** "up", "degraded", "down", "pending" or "unknown" (before the first check): the CSS class and filter key. */
    public String stateKey() {
        return state == null ? "unknown" : state.toLowerCase(java.util.Locale.ROOT);
    }
}
