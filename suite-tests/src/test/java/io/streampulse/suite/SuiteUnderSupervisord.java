package io.streampulse.suite;

import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.HealthClient;
import io.streampulse.testkit.TempSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as the container runs it: the repository's own entrypoint.sh and supervisord.conf starting
 * redis-server and the five packaged jars, on free ports, with a temporary data dir in place of the /host volume.
 */
final class SuiteUnderSupervisord implements AutoCloseable {

    /** The streamer's overrides from yolink-chekt's .env. */
    private static final List<String> STREAMER_ENV = List.of("RTSP_PORT", "RTSP_API_PORT", "ONVIF_PORT",
            "STREAM_NAME", "FRAME_RATE", "WIDTH", "HEIGHT", "CYCLE_INTERVAL", "ENABLE_ONVIF", "ONVIF_DISCOVERY");

    static final List<String> SERVICES = List.of("monitor", "webgui", "publisher", "bridge", "streamer");

    final Path repo = Path.of("..").toAbsolutePath().normalize();
    final TempSuite suite;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final int redisPort = FreePorts.next();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process supervisord;

    SuiteUnderSupervisord(Path dir) throws IOException {
        suite = TempSuite.create(dir);
        Path lib = Files.createDirectories(dir.resolve("lib"));
        for (String service : SERVICES) {
            Path jar = repo.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: the suite tests run after `mvn package` of "
                        + "the five services (mvn verify from the repository root)");
            }
            Files.createSymbolicLink(lib.resolve(service + ".jar"), jar);
            ports.put(service, FreePorts.next());
        }
        env.putAll(suite.env());
        env.put("STREAMPULSE_LIB", lib.toString());
        env.put("STREAMPULSE_MONITOR_PORT", String.valueOf(ports.get("monitor")));
        env.put("STREAMPULSE_WEBGUI_PORT", String.valueOf(ports.get("webgui")));
        env.put("STREAMPULSE_PUBLISHER_PORT", String.valueOf(ports.get("publisher")));
        env.put("STREAMPULSE_BRIDGE_PORT", String.valueOf(ports.get("bridge")));
        env.put("RTSP_API_PORT", String.valueOf(ports.get("streamer")));
        env.put("RTSP_PORT", String.valueOf(FreePorts.next()));
        // no WS-Discovery Hello may leave the test machine (and 3702/udp is not ours to take here)
        env.put("ONVIF_DISCOVERY", "false");
        env.put("STREAMPULSE_REDIS_PORT", String.valueOf(redisPort));
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(repo.resolve("entrypoint.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(suite.dataDir().resolveSibling("entrypoint.log").toFile());
        // Hermetic: nothing the caller exported (a running suite's paths, streamer overrides) may leak in.
        builder.environment().keySet().removeIf(k -> k.startsWith("STREAMPULSE_")
                || STREAMER_ENV.contains(k));
        builder.environment().putAll(env);
        supervisord = builder.start();
    }

    HealthClient health(String service) {
        return HealthClient.of(ports.get(service));
    }

    /** supervisord and everything it started, as seen now. */
    List<ProcessHandle> processTree() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(supervisord.toHandle()),
                supervisord.descendants()).toList();
    }

    Process supervisord() {
        return supervisord;
    }

    String log(String name) {
        try {
            Path file = name.equals("entrypoint") ? suite.dataDir().resolveSibling("entrypoint.log")
                    : suite.dataDir().resolve("logs").resolve(name + ".log");
            return Files.exists(file) ? Files.readString(file) : "(no " + file + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (supervisord != null && supervisord.isAlive()) {
            List<ProcessHandle> tree = processTree();
            supervisord.destroy();
            try {
                supervisord.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
