package io.streampulse.publisher.connection;

import io.streampulse.shared.feed.ReconnectBackoff;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.outbox.Outbox;
import io.streampulse.publisher.topics.TopicLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The one connection to the user's broker. {@link #apply} connects, or reconnects only when the settings changed;
 * retries use {@link ReconnectBackoff} with the reason kept for /health. {@link #publish} never blocks: while the
 * broker is away messages wait in the {@link Outbox}, and every (re)connect announces {@code online}, flushes the
 * outbox and lets the features re-send their retained state (a restarted broker may have lost it).
 */
public final class BrokerConnection implements MessageSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    private final Outbox outbox;
    private final PublishStats stats = new PublishStats();
    private final ReconnectBackoff backoff;
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, String>> messageListeners = new CopyOnWriteArrayList<>();
    // Connected and inbound callbacks run here, not on hivemq's event loop: re-announcing thousands of entities
    // must not hold up the network thread.
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mqtt-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Link link;
    private volatile ConnectionStatus status = ConnectionStatus.disabled(Instant.now());
    private CompletableFuture<Void> stopping = CompletableFuture.completedFuture(null);

    public BrokerConnection(Outbox outbox, ReconnectBackoff backoff) {
        this.outbox = outbox;
        this.backoff = backoff;
    }

    /** Called after every successful connect (first or re-), on the callback thread. */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    /** Messages on the subscribed topic, on the callback thread. */
    public void onMessage(BiConsumer<String, String> listener) {
        messageListeners.add(listener);
    }

    /** Connects with these settings; a no-op when they equal the current ones. Returns at once. */
    public synchronized void apply(BrokerSettings settings) {
        Link current = link;
        if (current != null && current.settings.equals(settings)) {
            return;
        }
        if (current != null) {
            LOG.info("MQTT settings changed: reconnecting from {} to {}", current.settings.describe(),
                    settings.describe());
            stopLink(current);
        }
        Link next = new Link(settings);
        link = next;
        status = new ConnectionStatus(ConnectionStatus.State.CONNECTING, settings.describe(), "", Instant.now(), 0,
                null);
        // The old session must be gone before the new one (same client id) connects, or the broker's takeover
        // could publish the old session's "offline" will after our "online".
        stopping.orTimeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> next.start());
    }

    /** {@code mqtt.enabled: false}: says {@code offline}, disconnects cleanly, stops retrying. */
    public synchronized void stop() {
        stop("MQTT disabled");
    }

    private void stop(String why) {
        Link current = link;
        link = null;
        if (current != null) {
            LOG.info("{}: disconnecting from {}", why, current.settings.describe());
            stopLink(current);
        }
        status = ConnectionStatus.disabled(Instant.now());
    }

    @Override
    public void publish(OutgoingMessage message) {
        Link current = link;
        if (current == null) {
            return; // disabled: nothing is kept for a broker we are not configured to use
        }
        if (!current.connected) {
            outbox.offer(message);
            return;
        }
        current.send(message);
    }

    public ConnectionStatus status() {
        return status;
    }

    public PublishStats stats() {
        return stats;
    }

    public int queueDepth() {
        return outbox.size();
    }

    public long queueDropped() {
        return outbox.dropped();
    }

    public boolean connected() {
        Link current = link;
        return current != null && current.connected;
    }

    /** Process shutdown: {@code offline}, then a clean disconnect, waiting at most {@link #STOP_TIMEOUT}. */
    @Override
    public void close() {
        CompletableFuture<Void> done;
        synchronized (this) {
            stop("Shutting down");
            done = stopping;
        }
        try {
            done.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.info("MQTT disconnect did not finish within {} ms; closing anyway", STOP_TIMEOUT.toMillis());
        }
        callbacks.shutdownNow();
    }

    private void stopLink(Link old) {
        stopping = old.close();
    }

    /** One session with one set of settings; callbacks from a closed link are ignored. */
    private final class Link implements SessionListener {
        final BrokerSettings settings;
        volatile MqttSession session;
        volatile boolean connected;
        volatile boolean closed;
        private volatile String lastLoggedReason = "";

        Link(BrokerSettings settings) {
            this.settings = settings;
        }

        synchronized void start() {
            if (closed) {
                return;
            }
            try {
                session = MqttSessionFactory.create(settings, this);
            } catch (TlsTrust.TlsSetupException e) {
                LOG.error("MQTT {}: {}; not connecting until the config changes", settings.describe(),
                        e.getMessage());
                status = new ConnectionStatus(ConnectionStatus.State.INVALID, settings.describe(), e.getMessage(),
                        Instant.now(), 0, null);
                return;
            }
            LOG.info("MQTT connecting to {} as '{}'", settings.describe(), settings.clientId());
            session.connect();
        }

        @Override
        public void connected() {
            if (closed) {
                session.disconnect();
                return;
            }
            connected = true;
            lastLoggedReason = "";
            status = new ConnectionStatus(ConnectionStatus.State.CONNECTED, settings.describe(), "", Instant.now(),
                    0, null);
            LOG.info("MQTT connected to {} as '{}'", settings.describe(), settings.clientId());
            send(new OutgoingMessage(settings.willTopic(), TopicLayout.ONLINE, 1, true));
            settings.subscription().ifPresent(topic -> session.subscribe(topic).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("MQTT subscribe to {} failed: {}", topic, error.getMessage());
                }
            }));
            callbacks.execute(() -> {
                List<OutgoingMessage> waiting = outbox.drain();
                if (!waiting.isEmpty()) {
                    LOG.info("MQTT flushing {} queued message(s)", waiting.size());
                }
                waiting.forEach(BrokerConnection.this::publish);
                for (Runnable listener : connectedListeners) {
                    runSafely(listener);
                }
            });
        }

        @Override
        public void disconnected(MqttClientDisconnectedContext context) {
            connected = false;
            if (closed || context.getSource() == MqttDisconnectSource.USER) {
                context.getReconnector().reconnect(false);
                return;
            }
            String reason = ConnectFailureReasons.describe(context.getCause(), settings);
            int failed = context.getReconnector().getAttempts() + 1;
            Duration delay = backoff.delay(failed - 1, ThreadLocalRandom.current().nextDouble());
            status = new ConnectionStatus(ConnectionStatus.State.RETRYING, settings.describe(), reason,
                    Instant.now(), failed, Instant.now().plus(delay));
            if (!reason.equals(lastLoggedReason)) {
                LOG.warn("MQTT {}: {}; retrying with backoff (next in {} ms)", settings.describe(), reason,
                        delay.toMillis());
                lastLoggedReason = reason;
            } else {
                LOG.debug("MQTT {}: {} (attempt {}, next in {} ms)", settings.describe(), reason, failed,
                        delay.toMillis());
            }
            // we subscribe ourselves on every connect, so hivemq must not replay subscriptions or publishes
            context.getReconnector().reconnect(true).resubscribeIfSessionExpired(false)
                    .republishIfSessionExpired(false).delay(delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void received(String topic, String payload) {
            callbacks.execute(() -> messageListeners.forEach(listener -> runSafely(
                    () -> listener.accept(topic, payload))));
        }

        void send(OutgoingMessage message) {
            CompletableFuture<Void> sent;
            try {
                sent = session.publish(message);
            } catch (RuntimeException e) {
                // a topic the client refuses (the config validates ours); never an exception for the caller
                stats.failed();
                LOG.warn("MQTT publish to '{}' refused by the client: {}", message.topic(), e.getMessage());
                return;
            }
            sent.whenComplete((ok, error) -> {
                if (error == null) {
                    stats.published(System.currentTimeMillis());
                    return;
                }
                stats.failed();
                LOG.debug("MQTT publish to {} failed ({}); queued for the next connect", message.topic(),
                        error.getMessage());
                if (!closed) {
                    outbox.offer(message);
                }
            });
        }

        /** Publishes {@code offline} (a clean disconnect sends no will), then disconnects. */
        synchronized CompletableFuture<Void> close() {
            closed = true;
            MqttSession open = session;
            if (open == null) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> offline = connected
                    ? open.publish(new OutgoingMessage(settings.willTopic(), TopicLayout.OFFLINE, 1, true))
                    : CompletableFuture.completedFuture(null);
            connected = false;
            return offline.orTimeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((ok, error) -> null)
                    .thenCompose(ignored -> open.disconnect())
                    .handle((ok, error) -> null);
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("MQTT listener {} failed", task, e);
        }
    }
}
