package io.streampulse.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * A real redis-server on a free 127.0.0.1 port, without persistence.
 * Why: the suite's redis code (state, pub/sub, reconnects) must be tested against real redis semantics and a
 * real restart, where a restarted server has lost all its data, as {@code --save ""} guarantees here.
 */
public final class RedisPeer implements AutoCloseable {

    private final Path workDir;
    private final boolean ownsWorkDir;
    private final int port;
    private final PeerProcess process;

    private RedisPeer(Path dir) {
        Path binary = Binaries.require("redis-server", "redis-server");
        this.ownsWorkDir = dir == null;
        this.workDir = ownsWorkDir ? TempDirs.create("testkit-redis-") : dir.toAbsolutePath();
        this.port = FreePorts.next();
        try {
            this.process = PeerProcess.start("redis-server", List.of(binary.toString(),
                    "--port", Integer.toString(port),
                    "--bind", "127.0.0.1",
                    "--save", "",
                    "--appendonly", "no",
                    "--dir", workDir.toString(),
                    "--daemonize", "no"), workDir, port);
        } catch (RuntimeException | AssertionError e) {
            cleanUp();
            throw e;
        }
    }

    /** Starts redis-server with a temp dir (deleted on close). */
    public static RedisPeer start() {
        return new RedisPeer(null);
    }

    /** Starts redis-server with {@code dir} as its working dir and log dir (kept after close). */
    public static RedisPeer start(Path dir) {
        return new RedisPeer(dir);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** "redis://127.0.0.1:PORT", as lettuce's {@code RedisClient.create} and the suite's config take it. */
    public String url() {
        return "redis://127.0.0.1:" + port;
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

    /** Stops redis if it runs and starts it again on the same port, empty. */
    public void restart() {
        process.restart();
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    public Path workDir() {
        return workDir;
    }

    /** Stops redis and deletes its work dir if this peer created it. */
    @Override
    public void close() {
        process.stop();
        cleanUp();
    }

    private void cleanUp() {
        if (ownsWorkDir) {
            TempDirs.deleteQuietly(workDir);
        }
    }

    @Override
    public String toString() {
        return "redis-server@127.0.0.1:" + port;
    }
}
