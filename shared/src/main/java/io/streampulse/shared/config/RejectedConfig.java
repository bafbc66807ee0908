package io.streampulse.shared.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A file version that was not applied, with why: shown on {@code /health} until a good version replaces it. */
public record RejectedConfig(Path file, String hash, Instant seenAt, List<ConfigProblem> errors) {

    /** "config.yaml line 3, column 7: 'mqtt.qos' must be between 0 and 2 (got 7)" per problem. */
    public List<String> describe() {
        return errors.stream().map(p -> file + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "") + ": "
                + p.message()).toList();
    }
}
