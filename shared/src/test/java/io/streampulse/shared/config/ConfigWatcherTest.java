package io.streampulse.shared.config;

import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigWatcherTest {

    private static final SecretBox BOX = SecretBox.withKey(new byte[32]);
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    Path file;
    ConfigWatcher watcher;
    final List<ConfigChange> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("config.yaml");
        Files.writeString(file, "heartbeat_seconds: 20\n");
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** A long poll interval, so a test that passes quickly proves the file event (not the poll) did the work. */
    private void startWatcher(Path path, Duration poll) {
        watcher = new ConfigWatcher(path, Map.of(), BOX, poll, Duration.ofMillis(50), Clock.systemUTC());
        watcher.subscribe(changes::add);
        watcher.start();
    }

    private static void replace(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".new");
        Files.writeString(temp, text);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void start_loadsTheFileBeforeReturning() {
        startWatcher(file, Duration.ofMinutes(10));

        assertEquals(20, watcher.current().config().heartbeatSeconds());
        assertEquals(64, watcher.current().hash().length());
        assertEquals(1, watcher.appliedCount());
    }

    @Test
    void fileEvent_appliesAChangeWithinTwoSecondsAndSaysWhatChanged() throws IOException {
        startWatcher(file, Duration.ofMinutes(10));

        replace(file, "heartbeat_seconds: 20\nmqtt:\n  host: broker.lan\n");

        // the listeners hear of a change just after current() shows it: wait for the announcement itself
        Eventually.await(WITHIN, "the change to the new mqtt host announced", () -> !changes.isEmpty()
                && changes.get(changes.size() - 1).current().config().mqtt().host().equals("broker.lan"));
        assertEquals("broker.lan", watcher.current().config().mqtt().host());
        assertEquals(Set.of("mqtt"), changes.get(changes.size() - 1).changedSections());
        assertEquals(ConfigWatcher.sha256(Files.readAllBytes(file)), watcher.current().hash());
    }

    @Test
    void invalidFile_keepsTheLastGoodConfigAndReportsItOnce() throws IOException {
        startWatcher(file, Duration.ofMillis(100));
        String goodHash = watcher.current().hash();

        replace(file, "heartbeat_seconds: 20\nmqtt:\n  qos: 7\n");

        Eventually.await(WITHIN, "the rejection", () -> watcher.rejected().isPresent());
        RejectedConfig rejected = watcher.rejected().orElseThrow();
        assertEquals(List.of(file + ":3:8: 'mqtt.qos' must be between 0 and 2 (got 7)"), rejected.describe());
        assertEquals(goodHash, watcher.current().hash(), "the last good config stays in force");
        // Every later look at the same bad version (the poll does this each period) reports nothing new.
        for (int i = 0; i < 5; i++) {
            watcher.checkNow();
        }
        assertEquals(1, watcher.rejectedCount());

        replace(file, "heartbeat_seconds: 30\n");

        Eventually.await(WITHIN, "the fixed file", () -> watcher.current().config().heartbeatSeconds() == 30);
        assertTrue(watcher.rejected().isEmpty(), "a good version clears the error");
    }

    @Test
    void emptyFile_isNeverAppliedOverAGoodConfig() throws IOException {
        Files.writeString(file, "streams:\n  - name: Door\n    url: rtsp://cam/1\n");
        startWatcher(file, Duration.ofMillis(100));

        Files.writeString(file, "");

        Eventually.await(WITHIN, "the rejection of the empty file", () -> watcher.rejected().isPresent());
        assertEquals("config file is empty", watcher.rejected().orElseThrow().errors().get(0).message());
        assertEquals(1, watcher.current().config().streams().size());
    }

    @Test
    void deletedFile_keepsTheConfigAndSaysTheFileIsMissing() throws IOException {
        startWatcher(file, Duration.ofMillis(100));

        Files.delete(file);

        Eventually.await(WITHIN, "the missing-file report", () -> watcher.rejected().isPresent());
        assertEquals("config file not found", watcher.rejected().orElseThrow().errors().get(0).message());
        assertEquals(20, watcher.current().config().heartbeatSeconds());
    }

    @Test
    void missingFileAtStart_runsOnDefaultsWithTheEnvironmentOverrides() throws IOException {
        Files.delete(file);
        watcher = new ConfigWatcher(file, Map.of("RTSP_API_PORT", "18080"), BOX, Duration.ofMinutes(10),
                Duration.ofMillis(50), Clock.systemUTC());
        watcher.start();

        assertEquals(18080, watcher.current().config().streamer().apiPort());
        assertEquals("config file not found", watcher.rejected().orElseThrow().errors().get(0).message());
    }

    @Test
    void retargetedSymlink_isSeenByTheHashCheck() throws IOException {
        Path a = Files.writeString(Files.createDirectory(dir.resolve("a")).resolve("config.yaml"), "heartbeat_seconds: 20\n");
        Path b = Files.writeString(Files.createDirectory(dir.resolve("b")).resolve("config.yaml"), "heartbeat_seconds: 40\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), a);
        startWatcher(link, Duration.ofMillis(200));

        Path newLink = Files.createSymbolicLink(dir.resolve("link.yaml.new"), b);
        Files.move(newLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        Eventually.await(WITHIN, "the retargeted file", () -> watcher.current().config().heartbeatSeconds() == 40);
    }

    @Test
    void editInsideTheSymlinkTarget_isSeen() throws IOException {
        Path volume = Files.createDirectory(dir.resolve("host"));
        Path target = Files.writeString(volume.resolve("config.yaml"), "heartbeat_seconds: 20\n");
        Path link = Files.createSymbolicLink(dir.resolve("app-config.yaml"), target);
        startWatcher(link, Duration.ofMinutes(10));

        replace(target, "heartbeat_seconds: 50\n");

        Eventually.await(WITHIN, "the edit behind the link", () -> watcher.current().config().heartbeatSeconds() == 50);
    }

    /**
     * The poll's stat-first look without the watcher thread (so no file event helps), with a clock an hour ahead so
     * the stamp of the first read is trusted at once: only the stamp can reveal the edit.
     */
    private ConfigWatcher pollOnlyWatcher() {
        watcher = new ConfigWatcher(file, Map.of(), BOX, Duration.ofMinutes(10), Duration.ofMillis(50),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
        watcher.checkNow();
        return watcher;
    }

    @Test
    void poll_inPlaceRewriteOfTheSameSizeWithItsOldModificationTime_isSeen() throws IOException {
        pollOnlyWatcher();
        Object inode = Files.readAttributes(file, "unix:fileKey").get("fileKey");
        FileTime modified = Files.getLastModifiedTime(file);

        Files.writeString(file, "heartbeat_seconds: 30\n"); // same length, same inode
        Files.setLastModifiedTime(file, modified);

        assertEquals(inode, Files.readAttributes(file, "unix:fileKey").get("fileKey"), "an in-place write");
        watcher.poll();
        assertEquals(30, watcher.current().config().heartbeatSeconds());
    }

    @Test
    void poll_atomicRenameOfTheSameSizeAndModificationTime_isSeen() throws IOException {
        pollOnlyWatcher();
        Path temp = Files.writeString(dir.resolve("config.yaml.new"), "heartbeat_seconds: 40\n");
        Files.setLastModifiedTime(temp, Files.getLastModifiedTime(file));

        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        watcher.poll();
        assertEquals(40, watcher.current().config().heartbeatSeconds());
    }

    @Test
    void fileStamp_justWritten_isNotTrustedUntilItsTimesAreOldEnough() {
        FileStamp stamp = FileStamp.of(file).orElseThrow();
        Instant now = Instant.now();

        assertFalse(stamp.settledAt(now), "a second write in the same clock tick would leave the same stamp");
        assertTrue(stamp.settledAt(now.plus(FileStamp.RACY).plusSeconds(1)));
    }

    @Test
    void failingListener_doesNotStopTheOthers() throws IOException {
        startWatcher(file, Duration.ofMinutes(10));
        watcher.subscribe(change -> {
            throw new IllegalStateException("listener bug");
        });
        List<String> seen = new CopyOnWriteArrayList<>();
        watcher.subscribe(change -> seen.add(change.current().hash()));

        replace(file, "heartbeat_seconds: 25\n");

        Eventually.await(WITHIN, "the healthy listener", () -> seen.size() == 1);
        assertEquals(watcher.current().hash(), seen.get(0));
    }
}
