package io.streampulse.testkit;

import java.nio.file.Path;

/**
 * A real server process a test talks to (mosquitto, redis-server): its work dir and the lifecycle every peer
 * offers, so a crash-recovery test can stop, kill and restart any of them the same way.
 */
public abstract class ExternalPeer implements AutoCloseable {

    private final Path workDir;
    private final boolean ownsWorkDir;
    private PeerProcess process;

    /** {@code dir} null: a temp dir named by {@code tempPrefix}, deleted on close; otherwise kept. */
    protected ExternalPeer(Path dir, String tempPrefix) {
        this.ownsWorkDir = dir == null;
        this.workDir = ownsWorkDir ? TempDirs.create(tempPrefix) : dir.toAbsolutePath();
    }

    /** Starts the process; if it fails, the temp dir is removed before the failure propagates. */
    protected final void launch(java.util.function.Supplier<PeerProcess> start) {
        try {
            process = start.get();
        } catch (RuntimeException | AssertionError e) {
            cleanUp();
            throw e;
        }
    }

    public Path workDir() {
        return workDir;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Graceful stop (SIGTERM); {@link #restart()} brings it back. */
    public void stop() {
        process.stop();
    }

    /** Crash (SIGKILL); {@link #restart()} brings it back. */
    public void kill() {
        process.kill();
    }

    /** Stops the process if it runs and starts it again: same ports, same config, no state kept in memory. */
    public void restart() {
        process.restart();
    }

    /** The last lines of the process's log (connections, auth failures, errors). */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    /** Stops the process and deletes its work dir if this peer created it. */
    @Override
    public void close() {
        process.stop();
        cleanUp();
    }

    protected final void cleanUp() {
        if (ownsWorkDir) {
            TempDirs.deleteQuietly(workDir);
        }
    }
}
