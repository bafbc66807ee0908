package io.streampulse.shared.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigWriterTest {

    private static final SecretBox BOX = SecretBox.withKey(new byte[32]);

    @TempDir
    Path dir;
    Path file;
    ConfigWriter writer;

    @BeforeEach
    void setUp() {
        file = dir.resolve("config.yaml");
        writer = new ConfigWriter(file, Map.of(), BOX);
    }

    private SuiteConfig onDisk() throws IOException {
        return ConfigParser.parse(Files.readString(file), Map.of(), BOX).config().orElseThrow();
    }

    @Test
    void update_changesOneKey_keepsUnknownKeysAndComments() throws IOException {
        Files.writeString(file, """
                # my cameras, keep this comment
                heartbeat_seconds: 20   # seconds
                future_section:
                  knob: 11
                mqtt:
                  host: old.local
                  api_status_url: http://localhost:7000/api/status
                """);

        ConfigWriter.Result result = writer.update(doc -> doc.set("mqtt.host", "new.local"));

        assertTrue(result.written());
        String text = Files.readString(file);
        assertEquals("new.local", onDisk().mqtt().host());
        assertTrue(text.contains("# my cameras, keep this comment"), text);
        assertTrue(text.contains("# seconds"), text);
        assertTrue(text.contains("future_section:\n  knob: 11"), text);
        assertTrue(text.contains("api_status_url: http://localhost:7000/api/status"), text);
        assertEquals(ConfigWatcher.sha256(Files.readAllBytes(file)), result.hash());
    }

    @Test
    void update_shippedDefaultConfig_growsItsEmptyListsAsBlocksAndKeepsComments() throws IOException {
        Files.copy(Path.of("..", "config.yaml"), file);

        ConfigWriter.Result result = writer.update(doc -> doc
                .set("streams[0]", new java.util.TreeMap<>(Map.of("name", "Cam", "url", "rtsp://cam/1")))
                .set("devices.d88b.chekt_zone", 3));

        assertTrue(result.written(), result.problems().toString());
        String text = Files.readString(file);
        assertTrue(text.contains("streams: # add cameras in the web UI, or here:\n    - name: Cam\n"), text);
        assertTrue(text.contains("  d88b:\n    chekt_zone: 3\n"), text);
        assertTrue(text.contains("# StreamPulse configuration: one file, hot-reloaded by every service"), text);
        assertEquals("Cam", onDisk().streams().get(0).name());
    }

    @Test
    void update_plaintextSecrets_areEncryptedOnSave() throws IOException {
        Files.writeString(file, """
                mqtt:
                  password: typed-by-hand
                streams:
                  - name: Door
                    url: rtsp://cam/1
                    password: cam-pass
                """);

        writer.update(doc -> doc.set("heartbeat_seconds", 30));

        String text = Files.readString(file);
        assertFalse(text.contains("typed-by-hand"), text);
        assertFalse(text.contains("cam-pass"), text);
        SuiteConfig config = onDisk();
        assertEquals("typed-by-hand", config.mqtt().password().value());
        assertTrue(config.mqtt().password().storedEncrypted());
        assertEquals("cam-pass", config.streams().get(0).password().value());
    }

    @Test
    void update_alreadyEncryptedSecret_isLeftAsIs() throws IOException {
        String sealed = BOX.encrypt("x");
        Files.writeString(file, "mqtt:\n  password: " + sealed + "\n");

        writer.update(doc -> doc.set("mqtt.host", "h"));

        assertTrue(Files.readString(file).contains(sealed));
    }

    @Test
    void update_invalidResult_isRejectedAndTheFileUntouched() throws IOException {
        Files.writeString(file, "mqtt:\n  qos: 1\n");
        byte[] before = Files.readAllBytes(file);

        ConfigWriter.Result result = writer.update(doc -> doc.set("mqtt.qos", 9));

        assertFalse(result.written());
        assertEquals(List.of("'mqtt.qos' must be between 0 and 2 (got 9)"),
                result.problems().stream().map(ConfigProblem::message).toList());
        assertEquals(new String(before), Files.readString(file));
    }

    @Test
    void update_symlinkedConfig_writesTheTargetAndKeepsTheLink() throws IOException {
        Path volume = Files.createDirectory(dir.resolve("host"));
        Path target = volume.resolve("config.yaml");
        Files.writeString(target, "heartbeat_seconds: 20\n");
        Path link = Files.createSymbolicLink(dir.resolve("app-config.yaml"), target);

        new ConfigWriter(link, Map.of(), BOX).update(doc -> doc.set("heartbeat_seconds", 45));

        assertTrue(Files.isSymbolicLink(link), "the link must survive the save");
        assertTrue(Files.readString(target).contains("heartbeat_seconds: 45"));
        try (var temps = Files.list(volume)) {
            assertEquals(List.of(), temps.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temp file is left behind");
        }
    }

    @Test
    void update_danglingSymlink_createsTheTargetOnFirstSave() throws IOException {
        Path volume = Files.createDirectory(dir.resolve("host"));
        Path link = Files.createSymbolicLink(dir.resolve("app-config.yaml"), volume.resolve("config.yaml"));

        new ConfigWriter(link, Map.of(), BOX).update(doc -> doc.set("timezone", "Europe/Paris"));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("timezone: Europe/Paris\n", Files.readString(volume.resolve("config.yaml")));
    }

    @Test
    void update_keepsTheFilePermissions() throws IOException {
        Files.writeString(file, "heartbeat_seconds: 20\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        writer.update(doc -> doc.set("heartbeat_seconds", 25));

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void update_listItems_editAddAndRemoveByIndex() throws IOException {
        Files.writeString(file, """
                streams:
                  - name: A
                    url: rtsp://a/1
                    vendor_note: keep me
                  - name: B
                    url: rtsp://b/1
                """);

        writer.update(doc -> doc.set("streams[0].name", "A renamed")
                .set("streams[2]", Map.of("name", "C", "url", "http://c/mjpg"))
                .remove("streams[1]"));

        SuiteConfig config = onDisk();
        assertEquals(List.of("A renamed", "C"), config.streams().stream().map(StreamEntry::name).toList());
        assertTrue(Files.readString(file).contains("vendor_note: keep me"));
    }

    @Test
    void update_nestedKeyInMissingSections_createsThem() throws IOException {
        writer.update(doc -> doc.set("receivers.sia.port", 12001).set("devices.d1.chekt_zone", 4));

        SuiteConfig config = onDisk();
        assertEquals(12001, config.receivers().sia().port());
        assertEquals(4, config.devices().get("d1").chektZone().orElseThrow());
    }

    @Test
    void update_brokenFileOnDisk_isNotOverwritten() throws IOException {
        Files.writeString(file, "mqtt: [unclosed\n");

        ConfigWriter.Result result = writer.update(doc -> doc.set("mqtt.host", "x"));

        assertFalse(result.written());
        assertEquals(List.of("line 2, column 1: invalid YAML: expected ',' or ']', but got <stream end>"),
                result.problems().stream().map(ConfigProblem::describe).toList());
        assertEquals("mqtt: [unclosed\n", Files.readString(file));
    }
}
