package io.streampulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One external server process (mosquitto, redis-server, ...) that a test talks to for real.
 * Why: tests of reconnects and crash recovery need a peer they can start, stop gracefully (SIGTERM), kill
 * (SIGKILL) and start again on the same port; and when the peer fails to come up, the failure must show its
 * exit code and log instead of a connection-refused somewhere later.
 *
 * <p>Output (stdout and stderr) is appended to {@code <logDir>/<name>.log}. {@link #start} returns once every
 * given port on 127.0.0.1 accepts TCP connections. Processes still running when the JVM exits are killed.
 */
public final class PeerProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> LIVE.forEach(Process::destroyForcibly), "testkit-peer-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final List<Integer> ports;
    private Process process;

    private PeerProcess(String name, List<String> command, Path logDir, List<Integer> ports) {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("at least one port to wait for is required");
        }
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logDir.resolve(name + ".log");
        this.ports = List.copyOf(ports);
    }

    /** Starts {@code command} and waits until {@code port} on 127.0.0.1 accepts connections. */
    public static PeerProcess start(String name, List<String> command, Path logDir, int port) {
        return start(name, command, logDir, List.of(port));
    }

    /** Starts {@code command} and waits until all {@code ports} on 127.0.0.1 accept connections. */
    public static PeerProcess start(String name, List<String> command, Path logDir, List<Integer> ports) {
        PeerProcess peer = new PeerProcess(name, command, logDir, ports);
        peer.launch();
        return peer;
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- testkit: starting " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
        LIVE.add(process);
        Process started = process;
        try {
            Eventually.await(START_TIMEOUT, name + " to accept connections on 127.0.0.1:" + ports,
                    () -> !started.isAlive() || ports.stream().allMatch(PeerProcess::accepts));
        } catch (AssertionError timeout) {
            destroy(started);
            throw new AssertionError(timeout.getMessage() + System.lineSeparator() + name + " log tail:"
                    + System.lineSeparator() + logTail(20), timeout);
        }
        if (!started.isAlive()) {
            LIVE.remove(started);
            throw new AssertionError(name + " exited with code " + started.exitValue() + " before accepting connections on 127.0.0.1:"
                    + ports + " (" + String.join(" ", command) + "); log tail:" + System.lineSeparator() + logTail(20));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first (main) port this peer was waited on. */
    public int port() {
        return ports.get(0);
    }

    /** All ports this peer is waited on at start. */
    public List<Integer> ports() {
        return ports;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** OS pid of the current process (changes on restart). */
    public synchronized long pid() {
        return process.pid();
    }

    /** Graceful stop: SIGTERM, wait up to 5 s, then SIGKILL. No-op if already stopped. */
    public synchronized void stop() {
        if (process != null) {
            destroy(process);
        }
    }

    /** Crash: SIGKILL and wait for the process to be gone (for tests of crash recovery). */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitQuietly(process, STOP_TIMEOUT);
        LIVE.remove(process);
    }

    /** Stops the process if it runs and starts the same command again on the same port(s). */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** The last {@code lines} lines of the peer's log ("" if there is none yet). */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            // decode leniently: a peer may log bytes that are not UTF-8
            List<String> all = List.of(new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + "@127.0.0.1:" + ports;
    }

    private static void destroy(Process p) {
        p.destroy();
        if (!waitQuietly(p, STOP_TIMEOUT)) {
            p.destroyForcibly();
            waitQuietly(p, STOP_TIMEOUT);
        }
        LIVE.remove(p);
    }

    private static boolean waitQuietly(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
    }
}
