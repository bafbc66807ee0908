package io.streampulse.webgui.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/** A stream's current status from the monitor's {@code /api/streams/{id}} (its StreamStatus shape). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record LiveStatus(String state, @Nullable Long since, @Nullable Long ts, @Nullable Long latencyMs,
                         @Nullable String message, @Nullable String kind, @Nullable Map<String, String> details) {
}
