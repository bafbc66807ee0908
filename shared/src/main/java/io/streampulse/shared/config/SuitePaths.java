package io.streampulse.shared.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the suite's files live, from the two variables every process and script reads:
 * {@code STREAMPULSE_CONFIG} (the config file) and {@code STREAMPULSE_DATA} (databases, keys, redis data, logs,
 * thumbnails). The container sets them to {@code /host/config.yaml} and {@code /host}; a bare {@code java -jar}
 * uses {@code ./streampulse-data} and the config file inside it.
 */
public record SuitePaths(Path config, Path dataDir) {

    public static final String CONFIG_ENV = "STREAMPULSE_CONFIG";
    public static final String DATA_ENV = "STREAMPULSE_DATA";
    public static final String KEY_FILE_NAME = "secret.key";

    public static SuitePaths fromEnvironment(Map<String, String> env) {
        return of(env.get(CONFIG_ENV), env.get(DATA_ENV));
    }

    /** Blank or null arguments take the defaults: {@code ./streampulse-data} and the config file inside it. */
    public static SuitePaths of(String config, String dataDir) {
        Path data = Path.of(dataDir == null || dataDir.isBlank() ? "streampulse-data" : dataDir).toAbsolutePath();
        return new SuitePaths(config == null || config.isBlank() ? data.resolve("config.yaml")
                : Path.of(config).toAbsolutePath(), data);
    }

    public Path keyFile() {
        return dataDir.resolve(KEY_FILE_NAME);
    }
}
