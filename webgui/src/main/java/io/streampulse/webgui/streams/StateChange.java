package io.streampulse.webgui.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** One state change from the monitor's {@code /api/streams/{id}/changes} (its Heartbeat shape). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StateChange(long tsMillis, String state, @Nullable Long latencyMs, @Nullable String message,
                          @Nullable String kind) {

    /** The {@code /changes} reply: newest first. */
    @Serdeable
    public record Changes(List<StateChange> changes) {
    }
}
