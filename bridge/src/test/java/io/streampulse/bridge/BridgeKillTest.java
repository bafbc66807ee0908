package io.streampulse.bridge;

import io.streampulse.bridge.support.FakeAlarmReceiver;
import io.streampulse.bridge.support.HttpReceiver;
import io.streampulse.bridge.support.ScriptedReports;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.HealthClient;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bridge as its own JVM, killed with SIGKILL while its receiver refuses every alarm: after a restart all of
 * them are delivered, in order, each once.
 */
class BridgeKillTest {

    static final Duration START = Duration.ofSeconds(40);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    final FakeAlarmReceiver receiver = new FakeAlarmReceiver();
    final List<Process> processes = new ArrayList<>();
    int port;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        receiver.close();
    }

    @Test
    void sigkillWithPendingAlarms_allDeliveredAfterRestart_inOrder_once() throws Exception {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("redis:\n  url: " + redis.url() + "\nreceivers:\n  chekt:\n    enabled: true\n"
                + "devices:\n  door1:\n    chekt_zone: 3\n    receivers: [chekt]\n");
        Process first = start(suite, "door1:6");
        Eventually.await(START, "a refused alarm", () -> !receiver.refused().isEmpty());
        first.destroyForcibly().waitFor();
        receiver.up(true);

        start(suite, null);
        Eventually.await(START, "six alarms and restores", () -> receiver.acknowledged().size() >= 6);
        List<String> expected = new ArrayList<>();
        String firstId = receiver.refused().get(0);
        long t = Long.parseLong(firstId.substring(firstId.lastIndexOf('/') + 1));
        for (int i = 0; i < 6; i++) {
            expected.add("door1/OPEN/" + (i % 2 == 0 ? "alarm" : "restore") + "/" + (t + i));
        }
        Eventually.await(Duration.ofSeconds(20), "outbox empty on /health", () -> HealthClient.of(port).health()
                .path("components").path("dispatcher").path("details").path("pending").asInt(), n -> n == 0);
        assertEquals(expected, receiver.acknowledged());
    }

    @Test
    void sigkillAfterAcknowledgements_nothingSentAgainAfterRestart() throws Exception {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("redis:\n  url: " + redis.url() + "\nreceivers:\n  chekt:\n    enabled: true\n"
                + "devices:\n  door1:\n    chekt_zone: 3\n    receivers: [chekt]\n");
        receiver.up(true);
        Process first = start(suite, "door1:6");
        Eventually.await(START, "six alarms and restores acknowledged", () -> receiver.acknowledged().size() >= 6);
        // the answers are recorded (the outbox has nothing left to send); then the process dies without a word
        Eventually.await(Duration.ofSeconds(20), "outbox empty on /health", () -> HealthClient.of(port).health()
                .path("components").path("dispatcher").path("details").path("pending").asInt(), n -> n == 0);
        List<String> delivered = receiver.acknowledged();
        first.destroyForcibly().waitFor();

        start(suite, null);
        Eventually.await(START, "the restarted bridge's outbox read", () -> HealthClient.of(port).health()
                .path("components").path("dispatcher").path("details").path("pending").asInt(), n -> n == 0);
        assertEquals(6, delivered.size());
        assertEquals(delivered, receiver.acknowledged(), "an acknowledged alarm is not sent again");
    }

    private Process start(TempSuite suite, String script) throws IOException {
        port = FreePorts.next();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "-Dmicronaut.server.port=" + port,
                "-Dstreampulse.config=" + suite.configPath(), "-Dstreampulse.data=" + suite.dataDir(),
                "-Dstreampulse.bridge.retry-initial=50ms", "-Dstreampulse.bridge.retry-max=200ms",
                "-D" + HttpReceiver.PROPERTY + "=" + receiver.url()));
        if (script != null) {
            command.add("-D" + ScriptedReports.PROPERTY + "=" + script);
        }
        command.add(BridgeApplication.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("bridge.log").toFile())).start();
        processes.add(process);
        return process;
    }
}
