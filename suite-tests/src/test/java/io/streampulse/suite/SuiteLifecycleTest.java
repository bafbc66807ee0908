package io.streampulse.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.streampulse.suite.SuiteUnderSupervisord.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One life of the suite, in order: first boot on an empty volume, a hot reload seen by all five, a broken file
 * that all five survive, each service stopping promptly on SIGTERM (and supervisord restarting it), and finally
 * supervisord's stop taking every process with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteLifecycleTest {

    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final Duration RELOAD = Duration.ofSeconds(2);

    Path dir;
    SuiteUnderSupervisord suite;
    final Map<String, Long> pids = new HashMap<>();

    @BeforeAll
    void boot(@TempDir Path dir) throws Exception {
        this.dir = dir;
        suite = new SuiteUnderSupervisord(dir);
        suite.start();
        for (String service : SERVICES) {
            JsonNode health = Eventually.await(BOOT, service + " healthy (log: " + dir + "/data/logs)",
                    () -> suite.health(service).tryHealth(), Optional::isPresent).orElseThrow();
            pids.put(service, health.path("pid").asLong());
        }
    }

    @AfterAll
    void shutdown() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void firstBoot_defaultConfigKeyAndRedisInPlace_allFiveServeTheirHealthAndMetrics() throws Exception {
        Path config = suite.suite.configPath();
        assertEquals(Files.readString(suite.repo.resolve("config.yaml")), Files.readString(config),
                "the entrypoint copies the default config into an empty volume");
        Path key = suite.suite.dataDir().resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        for (String service : SERVICES) {
            // a service that follows another (the streamer follows the bridge) is DEGRADED until that one is up
            JsonNode health = Eventually.await(Duration.ofSeconds(30), service + " UP", () -> suite.health(service)
                    .health(), h -> "UP".equals(h.path("status").asText()));
            assertEquals(service, health.path("service").asText());
            assertEquals(suite.suite.configHash(), health.path("config").path("hash").asText(), service);
            assertTrue(suite.health(service).metrics().contains("streampulse_config_valid 1.0"), service);
        }
        assertEquals("+PONG", redisPing(suite.redisPort));
        assertTrue(Files.exists(suite.suite.dataDir().resolve("logs").resolve("monitor.log")),
                "each service logs to its own file under the data dir");
    }

    @Test
    @Order(2)
    void configChange_isInForceInAllFiveWithinTwoSeconds() {
        String hash = suite.suite.writeConfig("""
                heartbeat_seconds: 30
                timezone: Europe/Paris
                streams:
                  - name: Lobby
                    url: rtsp://127.0.0.1:1/lobby
                """);

        for (String service : SERVICES) {
            Eventually.await(RELOAD, service + " on the new config",
                    () -> suite.health(service).configHash().equals(hash));
        }
    }

    @Test
    @Order(3)
    void brokenYaml_allFiveKeepRunningOnTheLastGoodConfigAndShowTheError() {
        String good = suite.suite.configHash();

        String broken = suite.suite.writeConfig("heartbeat_seconds: 30\nstreams:\n  - name: [unclosed\n");

        for (String service : SERVICES) {
            Eventually.await(RELOAD, service + " reporting the broken file",
                    () -> suite.health(service).configError().isPresent());
            JsonNode health = suite.health(service).health();
            assertEquals("DEGRADED", health.path("status").asText());
            assertEquals(good, health.path("config").path("hash").asText(), service + " must keep the last good");
            assertEquals(broken, health.path("config").path("error").path("hash").asText());
            assertEquals(suite.suite.configPath() + ":4:1: invalid YAML: expected ',' or ']', but got <stream end>",
                    suite.health(service).configError().orElseThrow(), service);
            assertEquals(pids.get(service), health.path("pid").asLong(), service + " must not have restarted");
        }
        assertEquals(1, occurrences(suite.log("monitor"), "Config rejected"),
                "the error is logged once per file version, not on every check");
    }

    @Test
    @Order(4)
    void sigterm_eachServiceExitsWithinFiveSecondsAndSupervisordRestartsIt() {
        String good = suite.suite.writeConfig("heartbeat_seconds: 25\n");
        for (String service : SERVICES) {
            ProcessHandle process = ProcessHandle.of(pids.get(service)).orElseThrow();
            long started = System.nanoTime();

            process.destroy();

            Eventually.await(Duration.ofSeconds(5), service + " exiting after SIGTERM", () -> !process.isAlive());
            long exitMs = (System.nanoTime() - started) / 1_000_000;
            JsonNode again = Eventually.await(BOOT, service + " restarted by supervisord",
                    () -> suite.health(service).tryHealth(), Optional::isPresent).orElseThrow();
            assertTrue(again.path("pid").asLong() != pids.get(service), service + " stopped in " + exitMs + " ms");
            assertEquals(good, again.path("config").path("hash").asText(), "a restart loads the current file");
        }
    }

    @Test
    @Order(5)
    void stoppingSupervisord_stopsEveryProcess() throws Exception {
        List<ProcessHandle> tree = suite.processTree();
        assertTrue(tree.size() >= 7, "supervisord, redis and five JVMs: " + tree);

        suite.supervisord().destroy();

        assertTrue(suite.supervisord().waitFor(30, TimeUnit.SECONDS), "supervisord did not stop");
        for (ProcessHandle process : tree) {
            Eventually.await(Duration.ofSeconds(5), "pid " + process.pid() + " gone", () -> !process.isAlive());
        }
    }

    private static String redisPing(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
