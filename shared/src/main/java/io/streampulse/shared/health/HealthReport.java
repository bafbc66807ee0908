package io.streampulse.shared.health;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;

/** What {@code GET /health} answers: the process, the config it runs on, and each contributor's state. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HealthReport(
        String status,
        String service,
        long pid,
        long uptimeSeconds,
        ConfigState config,
        Map<String, Component> components) {

    public static final String UP = "UP";
    public static final String DEGRADED = "DEGRADED";

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ConfigState(
            String path,
            String hash,
            String appliedAt,
            List<String> warnings,
            Rejection error) {
    }

    /** The newest file version that was not applied; null once a good version follows. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Rejection(String hash, String seenAt, List<String> problems) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Component(String status, Map<String, Object> details) {
    }
}
