package io.streampulse.shared.config;

import java.util.List;
import java.util.Map;

/**
 * The streamer's environment overrides (pure): a set variable wins over the file; a malformed one is reported as
 * a problem naming the variable, and the file's value stays in force.
 */
final class StreamerEnv {

    private final Map<String, String> env;
    private final List<ConfigProblem> problems;

    StreamerEnv(Map<String, String> env, List<ConfigProblem> problems) {
        this.env = env;
        this.problems = problems;
    }

    int integer(String name, int fromFile, int min, int max) {
        String raw = value(name);
        if (raw == null) {
            return fromFile;
        }
        Long parsed = NodeReader.parseInteger(raw);
        if (parsed == null || parsed < min || parsed > max) {
            problems.add(ConfigProblem.error("env " + name, 0, 0, "environment variable " + name
                    + " must be a whole number between " + min + " and " + max + " (got '" + raw + "')"));
            return fromFile;
        }
        return parsed.intValue();
    }

    boolean bool(String name, boolean fromFile) {
        String raw = value(name);
        if (raw == null) {
            return fromFile;
        }
        switch (raw.toLowerCase()) {
            case "true", "yes", "on", "1" -> { return true; }
            case "false", "no", "off", "0" -> { return false; }
            default -> {
                problems.add(ConfigProblem.error("env " + name, 0, 0, "environment variable " + name
                        + " must be true or false (got '" + raw + "')"));
                return fromFile;
            }
        }
    }

    String string(String name, String fromFile) {
        String raw = value(name);
        return raw == null ? fromFile : raw;
    }

    private String value(String name) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
