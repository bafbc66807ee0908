import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/monitor: the real monitor jar, as its own process with the suite's JVM flags, checking N streams on a
 * farm of fake RTSP cameras at heartbeat_seconds 20. Prints, per size: checks per second achieved against the
 * target (N / 20), the monitor's CPU (% of one core), its RSS, and the p99 schedule lag.
 * Args: monitorJar sdpFile javaOpts sizes...
 */
public final class MonitorBench {

    static final int HEARTBEAT = 20;
    static final int ENDPOINTS = 50;
    static final int WARMUP_SECONDS = 25;
    static final int MEASURE_SECONDS = 40;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String sdp = Files.readString(Path.of(args[1]));
        try (RtspFarm farm = new RtspFarm(ENDPOINTS, sdp)) {
            for (int i = 3; i < args.length; i++) {
                run(Path.of(args[0]), args[2], farm.ports(), Integer.parseInt(args[i]));
            }
        }
    }

    static void run(Path jar, String javaOpts, List<Integer> ports, int streams) throws Exception {
        Path data = Files.createTempDirectory("bench-monitor");
        StringBuilder config = new StringBuilder("heartbeat_seconds: " + HEARTBEAT + "\nmonitor: {frame_check_every: 0,"
                + " max_concurrent_checks: 512, max_checks_per_host: 8}\nstreams:\n");
        for (int s = 0; s < streams; s++) {
            config.append("  - {name: cam").append(s).append(", id: cam").append(s).append(", url: 'rtsp://127.0.0.1:")
                    .append(ports.get(s % ports.size())).append("/cam").append(s).append("'}\n");
        }
        Files.writeString(data.resolve("config.yaml"), config);
        int port = 30000 + (int) (Math.random() * 20000);
        List<String> command = new java.util.ArrayList<>(List.of("java"));
        command.addAll(List.of(javaOpts.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("monitor.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("STREAMPULSE_"));
        builder.environment().putAll(Map.of("STREAMPULSE_DATA", data.toString(), "STREAMPULSE_CONFIG",
                data.resolve("config.yaml").toString(), "STREAMPULSE_MONITOR_PORT", String.valueOf(port)));
        Process monitor = builder.start();
        try {
            long deadline = System.currentTimeMillis() + 180_000; // a loaded shared build box can take minutes
            while (get(port, "/health") == null) {
                if (System.currentTimeMillis() > deadline || !monitor.isAlive()) {
                    throw new IllegalStateException("monitor did not start: " + Files.readString(data.resolve("monitor.log")));
                }
                Thread.sleep(200);
            }
            Thread.sleep(WARMUP_SECONDS * 1000L); // let every stream pass its random first slot
            double checks0 = checks(get(port, "/metrics"));
            long cpu0 = cpuTicks(monitor.pid());
            long t0 = System.nanoTime();
            Thread.sleep(MEASURE_SECONDS * 1000L); // the measured window
            String metrics = get(port, "/metrics");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = (checks(metrics) - checks0) / seconds;
            double cpu = (cpuTicks(monitor.pid()) - cpu0) / 100.0 / seconds * 100;
            double target = (double) streams / HEARTBEAT;
            System.out.printf("%d streams: %.1f checks/s (target %.1f, ratio %.2f); CPU %.1f%% of one core "
                            + "(target <= 50%%); RSS %d MB (target <= 200 MB); p99 schedule lag %.0f ms (target < 1000)"
                            + "; checks UP %.0f, other %.0f%n", streams, rate, target, rate / target, cpu,
                    rssKb(monitor.pid()) / 1024, value(metrics, "streampulse_check_schedule_lag_ms\\{quantile=\"0.99\"}"),
                    value(metrics, "streampulse_checks_total\\{kind=\"RTSP\",state=\"UP\"}"),
                    checks(metrics) - value(metrics, "streampulse_checks_total\\{kind=\"RTSP\",state=\"UP\"}"));
        } finally {
            monitor.destroy();
            monitor.waitFor();
        }
    }

    static String get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static double checks(String metrics) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^streampulse_checks_total\\{[^}]*} ([0-9.E]+)$").matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+|NaN)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static long cpuTicks(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
