package io.streampulse.webgui.live;

import io.micronaut.json.JsonMapper;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stream deleted from config.yaml leaves the board (and every open dashboard) when the file changes. */
class ConfiguredStreamsTest {

    private static final String TWO = "streams:\n  - {id: gate, name: Gate, url: 'rtsp://10.0.0.1/a'}\n"
            + "  - {id: yard, name: Yard, url: 'rtsp://10.0.0.2/a'}\n";

    @TempDir
    Path dir;

    @Test
    void aStreamDeletedFromTheConfig_isRemovedFromTheBoard() {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig(TWO);
        LiveMessages messages = new LiveMessages(JsonMapper.createDefault());
        LiveBoard board = new LiveBoard(messages);
        board.stream(new StreamRow("gate", "Gate", "UP", 1L, 2L, 10L, "ok", null, null));
        board.stream(new StreamRow("yard", "Yard", "DOWN", 1L, 2L, null, "refused", null, null));
        try (ConfigWatcher watcher = new ConfigWatcher(suite.configPath(), Map.of(), SecretBox.withKey(new byte[32]),
                Duration.ofMillis(100), Duration.ofMillis(50), Clock.systemUTC())) {
            watcher.start();
            new ConfiguredStreams(watcher, board);

            suite.writeConfig("streams:\n  - {id: gate, name: Gate, url: 'rtsp://10.0.0.1/a'}\n");
            Eventually.await(Duration.ofSeconds(10), "yard gone from the board",
                    () -> board.snapshot().streams().size() == 1);
            assertEquals("gate", board.snapshot().streams().get(0).id());
        }
    }
}
