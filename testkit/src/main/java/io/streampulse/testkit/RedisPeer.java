package io.streampulse.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * A real redis-server on a free 127.0.0.1 port, without persistence.
 * Why: the suite's redis code (state, pub/sub, reconnects) must be tested against real redis semantics and a
 * real restart, where a restarted server has lost all its data, as {@code --save ""} guarantees here.
 */
public final class RedisPeer extends ExternalPeer {

    private final int port;

    private RedisPeer(Path dir) {
        super(dir, "testkit-redis-");
        Path binary = Binaries.require("redis-server", "redis-server");
        this.port = FreePorts.next();
        launch(() -> PeerProcess.start("redis-server", List.of(binary.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", workDir().toString(),
                "--daemonize", "no"), workDir(), port));
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

    @Override
    public String toString() {
        return "redis-server@127.0.0.1:" + port;
    }
}
