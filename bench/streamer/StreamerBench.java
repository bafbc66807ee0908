import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/streamer: the real streamer jar, as its own process with the suite's JVM flags, at 1 fps 1080p following a
 * fake bridge (fake_bridge.py: the bridge's device API and SSE, 12 door sensors). Real FFmpeg clients throughout. Prints:
 * alarm event → first decoded red frame at a playing client p50/p99 (and restore → first grid frame), first
 * picture for a new `ffmpeg -frames:v 1` client p50/p99, the streamer's CPU (% of one core) and RSS with 1 and
 * with 20 clients. Args: streamerJar javaOpts. Env: ALARMS (20), NEW_CLIENTS (20), MEASURE_SECONDS (30), CLIENTS (20).
 */
public final class StreamerBench {

    static final int SENSORS = 12;
    static final int W = 64;
    static final int H = 36;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static java.util.function.Supplier<String> STATUS = () -> "";

    public static void main(String[] args) throws Exception {
        int alarms = env("ALARMS", 20);
        int newClients = env("NEW_CLIENTS", 20);
        int seconds = env("MEASURE_SECONDS", 30);
        int clients = env("CLIENTS", 20);
        try (FakeBridge bridge = new FakeBridge(SENSORS); Streamer streamer = new Streamer(Path.of(args[0]), args[1],
                bridge.url())) {
            String url = streamer.rtspUrl();
            STATUS = streamer::status;
            System.out.printf("streamer: 1920x1080 at 1 fps, %d sensors, %s%n", SENSORS, url);
            firstPicture(url, newClients);
            alarms(url, bridge, alarms);
            load(streamer, url, List.of(1, clients), seconds);
        }
    }

    /** `ffmpeg -rtsp_transport tcp -i URL -frames:v 1` with FFmpeg's default probing, started at random phases. */
    static void firstPicture(String url, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1_000));
            long started = System.nanoTime();
            Process ffmpeg = decoder(url, 1);
            byte[] frame = ffmpeg.getInputStream().readNBytes(W * H * 3);
            double elapsed = (System.nanoTime() - started) / 1e6;
            ffmpeg.waitFor(5, TimeUnit.SECONDS);
            ffmpeg.destroyForcibly();
            if (frame.length == W * H * 3) {
                millis.add(elapsed);
            }
        }
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=size=64x36", "-frames:v",
                    "1", "-f", "null", "-").start().waitFor();
            baseline.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf("first picture, new ffmpeg client (process start -> first decoded frame): %d/%d, p50 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms (target <= 500 ms: p99 ratio %.2f); ffmpeg start-up alone p50 %.0f"
                        + " ms%n", millis.size(), runs, pct(millis, 50), pct(millis, 99), pct(millis, 100),
                pct(millis, 99) / 500, pct(baseline, 50));
    }

    /** One playing client; each alarm raised at a random phase of the 1 s tick, then restored (hold 1 ms here). */
    static void alarms(String url, FakeBridge bridge, int count) throws Exception {
        Process ffmpeg = decoder(url, 0);
        AtomicLong lastRed = new AtomicLong();
        AtomicLong lastGrid = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (InputStream in = ffmpeg.getInputStream()) {
                while (true) {
                    byte[] frame = in.readNBytes(W * H * 3);
                    if (frame.length < W * H * 3) {
                        return;
                    }
                    (mostlyRed(frame) ? lastRed : lastGrid).set(System.nanoTime());
                }
            } catch (IOException e) {
                // the decoder was stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<Double> toRed = new ArrayList<>();
        List<Double> toGrid = new ArrayList<>();
        try {
            await(() -> lastGrid.get() > 0, 20_000, "the client's first grid frame");
            for (int i = 0; i < count; i++) {
                Thread.sleep(1_000 + ThreadLocalRandom.current().nextInt(1_000));
                long raised = System.nanoTime();
                bridge.door(true);
                await(() -> lastRed.get() > raised, 10_000, "a red frame after alarm " + i + " (status: "
                        + STATUS.get() + ")");
                toRed.add((lastRed.get() - raised) / 1e6);
                Thread.sleep(500 + ThreadLocalRandom.current().nextInt(500));
                long restored = System.nanoTime();
                bridge.door(false);
                await(() -> lastGrid.get() > restored, 10_000, "a grid frame after restore " + i);
                toGrid.add((lastGrid.get() - restored) / 1e6);
            }
        } finally {
            ffmpeg.destroyForcibly();
        }
        System.out.printf("alarm event at the bridge -> first red frame decoded by a playing ffmpeg: %d alarms, p50 %.0f"
                        + " ms, p99 %.0f ms, max %.0f ms (target p99 <= 300 ms: ratio %.2f); restore -> first grid"
                        + " frame p50 %.0f ms, p99 %.0f ms%n", toRed.size(), pct(toRed, 50), pct(toRed, 99),
                pct(toRed, 100), pct(toRed, 99) / 300, pct(toGrid, 50), pct(toGrid, 99));
    }

    /**
     * CPU and RSS of the streamer with n playing ffmpeg clients: odd ones over UDP, even ones over TCP; every fourth
     * plays the sub profile (as the CHEKT bridge does), so with more than three clients both encoders run.
     */
    static void load(Streamer streamer, String url, List<Integer> sizes, int seconds) throws Exception {
        List<Process> playing = new ArrayList<>();
        try {
            for (int size : sizes) {
                while (playing.size() < size) {
                    int n = playing.size();
                    playing.add(new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-rtsp_transport",
                            n % 2 == 0 ? "tcp" : "udp", "-i", n % 4 == 3 ? url + "_sub" : url, "-f", "null", "-")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start());
                }
                int clients = size;
                await(() -> streamer.clients() >= clients, 30_000, size + " clients playing");
                Thread.sleep(10_000); // the new clients' top-up repeats and keyframes are not steady state
                long cpu0 = cpuNanos(streamer.process);
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1_000L);
                double cpu = 100.0 * (cpuNanos(streamer.process) - cpu0) / (System.nanoTime() - t0);
                System.out.printf("%d client(s), %d s: CPU %.1f%% of one core (target <= 5%%: ratio %.2f), RSS %d MB,"
                                + " %s%n", streamer.clients(), seconds, cpu, cpu / 5, rssKb(streamer.pid()) / 1024,
                        streamer.frameFigures());
            }
        } finally {
            playing.forEach(Process::destroyForcibly);
        }
    }

    /**
     * ffmpeg decoding to 64×36 RGB on its stdout. The playing (alarm) client sets {@code -flags low_delay}, as a
     * live viewer would: without it FFmpeg's frame threads hold (threads − 1) pictures, seconds at 1 fps.
     */
    static Process decoder(String url, int frames) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        if (frames == 0) {
            command.addAll(List.of("-flags", "low_delay"));
        }
        command.addAll(List.of("-rtsp_transport", "tcp", "-i", url, "-fps_mode", "passthrough", "-flush_packets",
                "1"));
        if (frames > 0) {
            command.addAll(List.of("-frames:v", String.valueOf(frames)));
        }
        command.addAll(List.of("-vf", "scale=" + W + ":" + H, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static boolean mostlyRed(byte[] rgb) {
        int red = 0;
        int pixels = 0;
        for (int i = 8 * W * 3; i + 2 < rgb.length; i += 3) {
            pixels++;
            if ((rgb[i] & 0xFF) > 150 && (rgb[i + 1] & 0xFF) < 90 && (rgb[i + 2] & 0xFF) < 90) {
                red++;
            }
        }
        return red > pixels * 0.7;
    }

    interface Condition {
        boolean met() throws Exception;
    }

    static void await(Condition condition, long timeoutMillis, String what) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.met()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static double pct(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The streamer jar with the suite's JVM flags, on free ports, with a throwaway data dir. */
    static final class Streamer implements AutoCloseable {

        private final Process process;
        private final Path data;
        private final int apiPort;
        private final int rtspPort;

        Streamer(Path jar, String javaOpts, String bridgeUrl) throws Exception {
            data = Files.createTempDirectory("bench-streamer");
            apiPort = freePort();
            rtspPort = freePort();
            Files.writeString(data.resolve("config.yaml"), "streamer:\n  api_port: " + apiPort + "\n  rtsp_port: "
                    + rtspPort + "\n  frame_rate: 1\n  width: 1920\n  height: 1080\n"
                    + "  onvif:\n    discovery: false\n"); // no WS-Discovery Hello out of a bench
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
            command.addAll(List.of("-Dstreampulse.streamer.alarm-hold-millis=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(data.resolve("streamer.log").toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("STREAMPULSE_"));
            builder.environment().putAll(Map.of("STREAMPULSE_DATA", data.toString(), "STREAMPULSE_CONFIG",
                    data.resolve("config.yaml").toString(), "STREAMPULSE_BRIDGE_URL", bridgeUrl));
            process = builder.start();
            long deadline = System.currentTimeMillis() + 90_000;
            while (status() == null || !status().contains("\"bridge\"") || frames() < 1) {
                if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("streamer did not start: " + Files.readString(data.resolve(
                            "streamer.log")));
                }
                Thread.sleep(200);
            }
        }

        String rtspUrl() {
            return "rtsp://127.0.0.1:" + rtspPort + "/yolink-dashboard";
        }

        long pid() {
            return process.pid();
        }

        String status() {
            return get("http://127.0.0.1:" + apiPort + "/status");
        }

        long frames() {
            String status = status();
            return status == null ? 0 : (long) number(status, "frames");
        }

        int clients() {
            String status = status();
            return status == null ? 0 : status.split("\"transport\"", -1).length - 1;
        }

        /** The frame loop's own figures from /status. */
        String frameFigures() {
            String status = status();
            return status == null ? "" : String.format("last frame: render %.0f ms, encode main+sub %.0f ms",
                    number(status, "render_ms"), number(status, "encode_ms"));
        }

        static double number(String json, String key) {
            var m = java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*([0-9.]+)").matcher(json);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** fake_bridge.py: the bridge's device API and SSE with N door sensors; POST /alarm opens d0, /restore closes it. */
    static final class FakeBridge implements AutoCloseable {

        private final Process process;
        private final int port;

        FakeBridge(int sensors) throws Exception {
            port = freePort();
            process = new ProcessBuilder("python3", Path.of(System.getProperty("bench.dir"), "fake_bridge.py").toString(),
                    String.valueOf(port), String.valueOf(sensors)).inheritIO().start();
            await(() -> get(url() + "/api/devices") != null, 10_000, "the fake bridge");
        }

        /** Opens or closes sensor d0: the bridge sends one `device` event to every follower. */
        void door(boolean open) throws Exception {
            HTTP.send(HttpRequest.newBuilder(URI.create(url() + (open ? "/alarm" : "/restore")))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    static String get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
