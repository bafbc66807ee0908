package io.streampulse.shared.config;

/**
 * One thing wrong (or worth a warning) in a config file: the key path, where it stands in the file and what is
 * wrong with it. Line and column are 1-based; 0 means "not from the file" (an environment override, a missing key).
 */
public record ConfigProblem(Severity severity, String path, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    public static ConfigProblem error(String path, int line, int column, String message) {
        return new ConfigProblem(Severity.ERROR, path, line, column, message);
    }

    public static ConfigProblem warning(String path, int line, int column, String message) {
        return new ConfigProblem(Severity.WARNING, path, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "line 12, column 3: 'mqtt.qos' must be 0, 1 or 2" — the form used in logs and on /health. */
    public String describe() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + message;
    }
}
