package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempSuiteTest {

    @TempDir
    Path dir;

    @Test
    void createMakesOnlyTheDataDir() throws Exception {
        TempSuite suite = TempSuite.create(dir);
        assertEquals(dir.toAbsolutePath().resolve("data"), suite.dataDir());
        assertEquals(suite.dataDir().resolve("config.yaml"), suite.configPath());
        assertEquals(List.of(suite.dataDir()), list(dir));
        assertEquals(List.of(), list(suite.dataDir()));
    }

    @Test
    void writeConfigReturnsTheSha256OfTheBytesOnDisk() throws Exception {
        TempSuite suite = TempSuite.create(dir);
        String yaml = "mqtt:\n  host: 127.0.0.1\n  qos: 1\n# ünïcödé\n";
        String hash = suite.writeConfig(yaml);
        byte[] onDisk = Files.readAllBytes(suite.configPath());
        assertEquals(yaml, new String(onDisk, StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onDisk)), hash);
        assertEquals(hash, suite.configHash());
        assertEquals(List.of(suite.configPath()), list(suite.dataDir()), "no temp file left behind");
    }

    @Test
    void atomicWriteReplacesTheFileWhileInPlaceWriteKeepsIt() throws Exception {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("a: 1\n");
        Object first = fileKey(suite.configPath());
        String second = suite.writeConfig("a: 2\n");
        Object afterAtomic = fileKey(suite.configPath());
        assertNotEquals(first, afterAtomic, "rename puts a new file (inode) in place");
        assertEquals(second, suite.configHash());

        String third = suite.writeConfigInPlace("a: 333333\n");
        assertEquals(afterAtomic, fileKey(suite.configPath()), "in-place write keeps the inode");
        assertEquals("a: 333333\n", Files.readString(suite.configPath()));
        assertEquals(third, suite.configHash());
        suite.writeConfigInPlace("b\n");
        assertEquals("b\n", Files.readString(suite.configPath()), "truncated, not overwritten at the start");
    }

    @Test
    void sha256HexMatchesTheKnownVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                TempSuite.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void envAndPropertiesPointAtTheSamePaths() {
        TempSuite suite = TempSuite.create(dir);
        assertEquals(Map.of("STREAMPULSE_CONFIG", suite.configPath().toString(),
                "STREAMPULSE_DATA", suite.dataDir().toString()), suite.env());
        assertEquals(Map.of("streampulse.config", suite.configPath().toString(),
                "streampulse.data", suite.dataDir().toString()), suite.properties());
        assertTrue(suite.configPath().isAbsolute());
        assertFalse(Files.exists(suite.configPath()), "no config until one is written");
    }

    private static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static Object fileKey(Path p) throws Exception {
        Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        assertNotNull(key, "this file system reports file keys (inodes)");
        return key;
    }
}
