package io.streampulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A throwaway StreamPulse data dir ({@code <dir>/data}) with its config file ({@code data/config.yaml}).
 * Why: tests of config loading and hot reload must edit the config the way people do, atomically (editor
 * writes a temp file and renames it) and in place (truncate, then write), and then compare the hash the suite
 * reports with the hash of the bytes on disk.
 */
public final class TempSuite {

    public static final String CONFIG_ENV = "STREAMPULSE_CONFIG";
    public static final String DATA_ENV = "STREAMPULSE_DATA";
    public static final String CONFIG_PROPERTY = "streampulse.config";
    public static final String DATA_PROPERTY = "streampulse.data";

    private final Path dataDir;
    private final Path configPath;

    private TempSuite(Path dataDir) {
        this.dataDir = dataDir;
        this.configPath = dataDir.resolve("config.yaml");
    }

    /** Creates {@code dir/data} (typically under a JUnit {@code @TempDir}); writes no config yet. */
    public static TempSuite create(Path dir) {
        Path data = dir.toAbsolutePath().resolve("data");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + data, e);
        }
        return new TempSuite(data);
    }

    /** Writes the config atomically (temp file in the same dir, then rename) and returns the SHA-256 hex of it. */
    public String writeConfig(String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        Path temp = null;
        try {
            temp = Files.createTempFile(dataDir, ".config.yaml.", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, configPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, configPath, StandardCopyOption.REPLACE_EXISTING);
            }
            return sha256Hex(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + configPath, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // only left over if the move failed
                }
            }
        }
    }

    /** Overwrites the config in place (same inode: truncate, then write) and returns the SHA-256 hex of it. */
    public String writeConfigInPlace(String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(configPath, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            return sha256Hex(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + configPath, e);
        }
    }

    /** {@code <dir>/data/config.yaml} (absolute; may not exist yet). */
    public Path configPath() {
        return configPath;
    }

    /** {@code <dir>/data} (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /** SHA-256 hex (lowercase) of the config file's current bytes, as the suite reports it in /health. */
    public String configHash() {
        try {
            return sha256Hex(Files.readAllBytes(configPath));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + configPath, e);
        }
    }

    /** Environment for a suite process: STREAMPULSE_CONFIG and STREAMPULSE_DATA. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(CONFIG_ENV, configPath.toString());
        env.put(DATA_ENV, dataDir.toString());
        return env;
    }

    /** Micronaut properties for an embedded service: streampulse.config and streampulse.data. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CONFIG_PROPERTY, configPath.toString());
        properties.put(DATA_PROPERTY, dataDir.toString());
        return properties;
    }

    /** Lowercase SHA-256 hex of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "TempSuite[" + dataDir + "]";
    }
}
