package io.streampulse.shared.config;

import java.time.Instant;
import java.util.List;

/**
 * The config in force: the parsed record, the SHA-256 of the file it came from, when it was applied, and its
 * warnings. The hash is what {@code /health} reports, so anyone can tell which file version a process runs on.
 */
public record AppliedConfig(SuiteConfig config, String hash, Instant appliedAt, List<ConfigProblem> warnings) {
}
