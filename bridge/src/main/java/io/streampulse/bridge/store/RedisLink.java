package io.streampulse.bridge.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bridge's one Redis connection (lettuce, shared by every user: it is thread-safe and pipelines). Lettuce
 * reconnects it by itself once it exists; until the first connect succeeds we retry here, so the bridge starts
 * and alarms flow while Redis is down. Commands issued while disconnected are rejected at once instead of being
 * buffered without bound; the owners of the data rewrite it on every (re)connect ({@link #onConnected}).
 */
public final class RedisLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(1);

    private final String url;
    private final RedisClient client;
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "redis-link");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean up;
    private volatile String lastError = "";
    private volatile Instant since = Instant.now();
    private volatile boolean closed;

    public RedisLink(String url) {
        this.url = url;
        // No command latency histograms: we do not export them, and their pause detector costs start-up time.
        this.client = RedisClient.create(ClientResources.builder()
                .commandLatencyRecorder(CommandLatencyRecorder.disabled()).build(), RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                if (connection != null) {
                    connected();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                disconnected("connection lost");
            }
        });
    }

    /** Runs on the link's own thread after every (re)connect, in registration order. */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        worker.execute(this::connectFirst);
    }

    private void connectFirst() {
        if (closed) {
            return;
        }
        try {
            connection = client.connect();
            LOG.info("Redis {} connected", url);
            connected();
        } catch (RuntimeException e) {
            disconnected(e.getMessage());
            worker.schedule(this::connectFirst, FIRST_CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void connected() {
        boolean wasUp = up;
        up = true;
        lastError = "";
        since = Instant.now();
        if (!wasUp) {
            worker.execute(() -> connectedListeners.forEach(RedisLink::runQuietly));
        }
    }

    private void disconnected(String reason) {
        if (up || !reason.equals(lastError)) {
            LOG.warn("Redis {} unavailable: {} (device state stays in memory; rewritten on reconnect)", url, reason);
            since = Instant.now();
        }
        up = false;
        lastError = reason == null ? "" : reason;
    }

    private static void runQuietly(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("Redis resync step failed: {}", e.toString());
        }
    }

    /** The async commands while connected; empty while Redis is down (the caller marks its data for a rewrite). */
    public java.util.Optional<RedisAsyncCommands<String, String>> commands() {
        StatefulRedisConnection<String, String> current = connection;
        return up && current != null ? java.util.Optional.of(current.async()) : java.util.Optional.empty();
    }

    /** Runs {@code task} on the link's thread after {@code delay} (a resync that hit a half-open connection). */
    public void later(Runnable task, Duration delay) {
        if (!closed) {
            worker.schedule(() -> runQuietly(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Counts a write Redis did not take (its owner rewrites it on reconnect). */
    public void writeFailed(Throwable error) {
        failedWrites.incrementAndGet();
        lastError = error.getMessage() == null ? error.toString() : error.getMessage();
    }

    public boolean up() {
        return up;
    }

    public String url() {
        return url;
    }

    public String lastError() {
        return lastError;
    }

    public Instant since() {
        return since;
    }

    public long failedWrites() {
        return failedWrites.get();
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }
}
