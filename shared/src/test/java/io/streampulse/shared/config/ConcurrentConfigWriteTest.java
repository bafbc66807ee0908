package io.streampulse.shared.config;

import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 saves at once from 4 threads here and 4 other processes, while 2 reader threads and a live watcher keep
 * reading: no reader ever sees a torn, empty or mixed file, and no save is lost.
 */
class ConcurrentConfigWriteTest {

    private static final int THREADS = 4;
    private static final int PROCESSES = 4;
    private static final int SAVES_EACH = 25;

    @TempDir
    Path dir;

    @Test
    void update_200ConcurrentSavesFromThreadsAndProcesses_readersNeverSeeABadFileAndNothingIsLost() throws Exception {
        Path file = dir.resolve("config.yaml");
        Path keyFile = dir.resolve("secret.key");
        StringBuilder initial = new StringBuilder("mqtt:\n  client_id: start\nyolink:\n  uaid: start\nstreams:\n");
        for (int i = 0; i < 50; i++) {
            initial.append("  - name: Camera ").append(i).append("\n    url: rtsp://10.0.0.").append(i).append("/live\n");
        }
        Files.writeString(file, initial);
        SecretBox box = SecretKeyFile.loadOrCreate(keyFile);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();

        ConfigWatcher watcher = new ConfigWatcher(file, Map.of(), box, Duration.ofMillis(20), Duration.ofMillis(5),
                Clock.systemUTC());
        watcher.subscribe(change -> check(change.current().config(), failures, "watcher"));
        watcher.start();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> readUntilDone(file, box, writing, reads, failures)));
        }
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    ConfigWriteWorker.class.getName(), file.toString(), keyFile.toString(), "p" + p,
                    String.valueOf(SAVES_EACH)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("worker-" + p + ".log").toFile()).start());
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String name = "t" + t;
            ConfigWriter writer = new ConfigWriter(file, Map.of(), box);
            writers.add(pool.submit(() -> {
                for (int i = 0; i < SAVES_EACH; i++) {
                    ConfigWriteWorker.save(writer, name + "-" + i);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        for (int p = 0; p < PROCESSES; p++) {
            assertTrue(processes.get(p).waitFor(60, TimeUnit.SECONDS), "worker " + p + " did not finish");
            assertEquals(0, processes.get(p).exitValue(), () -> "worker failed: " + log(dir.resolve("worker-0.log")));
        }
        writing.set(false);
        for (Future<?> reader : readers) {
            reader.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        SuiteConfig last = ConfigParser.parse(Files.readString(file), Map.of(), box).config().orElseThrow();
        String finalHash = ConfigWatcher.sha256(Files.readAllBytes(file));
        Eventually.await(Duration.ofSeconds(2), "the watcher on the final file",
                () -> watcher.current().hash().equals(finalHash));
        watcher.close();

        assertEquals(List.of(), List.copyOf(failures), "readers saw a torn, empty or mixed file");
        assertEquals((THREADS + PROCESSES) * SAVES_EACH, last.devices().size(), "every save must survive");
        assertEquals(50, last.streams().size());
        assertEquals(0, watcher.rejectedCount(), "the watcher never met a file it could not parse");
        assertTrue(reads.get() > 100, "the readers must really have raced the writers (reads: " + reads + ")");
        assertTrue(watcher.appliedCount() > 10, "the watcher must have reloaded while writes went on");
    }

    private static void readUntilDone(Path file, SecretBox box, AtomicBoolean writing, AtomicInteger reads,
                                      ConcurrentLinkedQueue<String> failures) {
        int devicesSeen = 0;
        while (writing.get()) {
            try {
                String text = Files.readString(file);
                reads.incrementAndGet();
                ParsedConfig parsed = ConfigParser.parse(text, Map.of(), box);
                if (text.isBlank() || !parsed.valid()) {
                    failures.add("unparsable read (" + text.length() + " chars): " + parsed.errors());
                    continue;
                }
                SuiteConfig config = parsed.config().get();
                check(config, failures, "reader");
                if (config.devices().size() < devicesSeen) {
                    failures.add("devices went back from " + devicesSeen + " to " + config.devices().size());
                }
                devicesSeen = config.devices().size();
            } catch (Exception e) {
                failures.add("read failed: " + e);
            }
        }
    }

    private static void check(SuiteConfig config, ConcurrentLinkedQueue<String> failures, String who) {
        String clientId = config.mqtt().clientId().orElse("");
        if (!clientId.equals(config.yolink().uaid())) {
            failures.add(who + " saw a mixed file: client_id " + clientId + " vs uaid " + config.yolink().uaid());
        }
        if (config.streams().size() != 50) {
            failures.add(who + " saw " + config.streams().size() + " streams");
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String log(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
