package io.streampulse.bridge.yolink;

import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.RecordingUpdates;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config.yaml's {@code yolink} section drives the runtime; /health says why it is not connected. */
class YoLinkRuntimeTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private FakeYoLinkCloud cloud;
    private YoLinkBrokerPeer broker;
    private ConfigWatcher watcher;
    private YoLinkRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void wrongSecretThenFixed_healthSaysWhyThenConnects() throws Exception {
        cloud = new FakeYoLinkCloud("ua_site", "sec_right", 7200).withDevice("d1", "Door", "DoorSensor", "YS7704");
        broker = new YoLinkBrokerPeer(FakeYoLinkCloud.HOME_ID, FakeYoLinkCloud.firstTokens(3));
        Path config = dir.resolve("config.yaml");
        writeConfig(config, "sec_wrong");
        watcher = new ConfigWatcher(config, Map.of(), SecretBox.unavailable("test"), Duration.ofMillis(50),
                Duration.ofMillis(20), Clock.systemUTC());
        watcher.start();
        RecordingUpdates updates = new RecordingUpdates();
        runtime = new YoLinkRuntime(watcher, List.of(updates));
        YoLinkHealth health = new YoLinkHealth(runtime);

        Eventually.await(WITHIN, "the refusal on /health", () -> "CREDENTIALS_REJECTED".equals(
                health.details().get("cloud")));
        assertFalse(health.healthy());
        assertTrue(String.valueOf(health.details().get("error")).contains("yolink.secret_key"));

        writeConfig(config, "sec_right");
        watcher.checkNow();

        Eventually.await(WITHIN, "connected after the fix", health::healthy);
        assertEquals(FakeYoLinkCloud.HOME_ID, health.details().get("home_id"));
        assertEquals(1, runtime.refreshDevices().get().size());
        assertEquals("Door", updates.lists().get(updates.lists().size() - 1).get(0).name());
    }

    @Test
    void notConfigured_healthyAndSaysSo() throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "heartbeat_seconds: 20\n");
        watcher = new ConfigWatcher(config, Map.of(), SecretBox.unavailable("test"), Duration.ofMillis(50),
                Duration.ofMillis(20), Clock.systemUTC());
        watcher.start();
        runtime = new YoLinkRuntime(watcher, List.of());
        YoLinkHealth health = new YoLinkHealth(runtime);

        assertTrue(health.healthy());
        assertEquals("NOT_CONFIGURED", health.details().get("state"));
        assertTrue(runtime.refreshDevices().isCompletedExceptionally());
    }

    private void writeConfig(Path config, String secret) throws IOException {
        Files.writeString(config, String.join("\n",
                "yolink:",
                "  uaid: ua_site",
                "  secret_key: " + secret,
                "  api_url: " + cloud.baseUrl(),
                "  mqtt_host: " + broker.host(),
                "  mqtt_port: " + broker.port(),
                ""));
    }
}
