import io.streampulse.publisher.support.FakeMonitor;
import io.streampulse.publisher.support.MqttRecorder;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.MosquittoPeer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * bench/publisher: the real publisher jar, as its own process with the suite's JVM flags, between a fake monitor
 * (the real /api/events format) and a real mosquitto. All N streams change at once, ROUNDS times; for each change
 * (and then 5 times spread over one second) the time from the monitor writing the event to a subscriber receiving the new retained state. StreamPulse's
 * figure is its polling interval (10 s by default); the target is p99 at most 200 ms.
 * Args: publisherJar javaOpts streams
 */
public final class PublisherBench {

    static final int ROUNDS = 5;
    static final long TARGET_P99_MS = 200;

    public static void main(String[] args) throws Exception {
        int streams = Integer.parseInt(args[2]);
        Path data = Files.createTempDirectory("bench-publisher");
        try (MosquittoPeer broker = MosquittoPeer.start(); FakeMonitor monitor = new FakeMonitor();
             MqttRecorder recorder = new MqttRecorder(broker.host(), broker.tcpPort(), null, null)) {
            StringBuilder config = new StringBuilder("streams:\n");
            for (int s = 0; s < streams; s++) {
                config.append("  - {name: cam").append(s).append(", id: cam").append(s)
                        .append(", url: 'rtsp://127.0.0.1:1/cam").append(s).append("'}\n");
                monitor.change("cam" + s, FakeMonitor.streamJson("cam" + s, "cam" + s, "UP", 1, 5, "round -1"));
            }
            config.append("mqtt: {enabled: true, host: 127.0.0.1, port: ").append(broker.tcpPort())
                    .append(", discovery: {enabled: false}}\n");
            Files.writeString(data.resolve("config.yaml"), config);
            Process publisher = start(Path.of(args[0]), args[1], data, monitor.url());
            try {
                await(() -> countMessages(recorder, "round -1") >= streams, 60_000, "the initial states");
                List<Long> burst = new ArrayList<>();
                List<Long> paced = new ArrayList<>();
                // round 0 warms the JIT up (the suite's flags stop at C1) and is not counted
                for (int round = 0; round <= 2 * ROUNDS; round++) {
                    boolean pacing = round > ROUNDS;
                    List<Long> latencies = round == 0 ? new ArrayList<>() : pacing ? paced : burst;
                    long[] sent = new long[streams];
                    String state = round % 2 == 0 ? "DOWN" : "UP";
                    for (int s = 0; s < streams; s++) {
                        if (pacing) {
                            // spread over one second: streams changing at their own moments
                            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L / streams);
                        }
                        sent[s] = System.nanoTime();
                        monitor.change("cam" + s, FakeMonitor.streamJson("cam" + s, "cam" + s, state, round + 2, 5,
                                "round " + round));
                    }
                    String marker = "round " + round;
                    await(() -> countMessages(recorder, marker) >= streams, 30_000, marker);
                    for (MqttRecorder.Received r : recorder.all()) {
                        if (r.payload().contains("\"" + marker + "\"")) {
                            int s = Integer.parseInt(r.topic().replaceAll(".*/cam(\\d+)/state", "$1"));
                            latencies.add((r.atNanos() - sent[s]) / 1_000);
                        }
                    }
                }
                report(streams, "all at once", burst);
                report(streams, "spread over 1 s", paced);
            } finally {
                publisher.destroy();
                publisher.waitFor();
            }
        }
    }

    static Process start(Path jar, String javaOpts, Path data, URI monitor) throws Exception {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.stream(javaOpts.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("publisher.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("STREAMPULSE_"));
        builder.environment().putAll(Map.of("STREAMPULSE_DATA", data.toString(), "STREAMPULSE_PUBLISHER_PORT",
                String.valueOf(port), "STREAMPULSE_MONITOR_URL", monitor.toString()));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        await(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"CONNECTED\"");
            } catch (Exception e) {
                return false;
            }
        }, 60_000, "the publisher connected (log: " + data.resolve("publisher.log") + ")");
        return process;
    }

    static long countMessages(MqttRecorder recorder, String marker) {
        return recorder.all().stream().filter(r -> r.payload().contains("\"" + marker + "\"")).count();
    }

    static void report(int streams, String how, List<Long> micros) {
        micros.sort(null);
        double p50 = micros.get(micros.size() / 2) / 1000.0;
        double p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0;
        double max = micros.get(micros.size() - 1) / 1000.0;
        System.out.printf("publisher %,d streams changing %s, %d rounds (%,d changes): change to subscriber"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; target p99 <= %d ms (ratio %.2f);"
                        + " StreamPulse: its poll, 10,000 ms%n",
                streams, how, ROUNDS, micros.size(), p50, p99, max, TARGET_P99_MS, p99 / TARGET_P99_MS);
    }

    static void await(java.util.function.BooleanSupplier condition, long timeoutMillis, String what) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
