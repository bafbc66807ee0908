package io.streampulse.shared.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Follows a peer's server-sent event stream (the monitor's {@code /api/events}, the bridge's
 * {@code /api/devices/events}) on one daemon thread and hands each event to a consumer. When the peer is down or
 * the stream ends it reconnects with backoff; both peers open every connection with a snapshot, so nothing missed
 * in between stays missed. {@code onConnected} runs on the same thread before the first event is read.
 */
public final class SseFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseFollower.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String peer;
    private final URI eventsUri;
    private final Consumer<SseEvent> consumer;
    private final Runnable onConnected;
    private final Consumer<String> onDisconnected;
    private final ReconnectBackoff backoff;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private volatile boolean connected;
    private volatile String lastError = "not started";
    private volatile InputStream body;
    private volatile Thread thread;

    /** @param peer the peer's name for logs and /health ("monitor", "bridge") */
    public SseFollower(String peer, URI eventsUri, Consumer<SseEvent> consumer, Runnable onConnected,
                       ReconnectBackoff backoff) {
        this(peer, eventsUri, consumer, onConnected, reason -> { }, backoff);
    }

    /** @param onDisconnected told why, on the follower's thread, each time a connection attempt or stream ends */
    public SseFollower(String peer, URI eventsUri, Consumer<SseEvent> consumer, Runnable onConnected,
                       Consumer<String> onDisconnected, ReconnectBackoff backoff) {
        this.peer = peer;
        this.eventsUri = eventsUri;
        this.consumer = consumer;
        this.onConnected = onConnected;
        this.onDisconnected = onDisconnected;
        this.backoff = backoff;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, peer + "-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void close() {
        Thread worker = thread;
        thread = null;
        if (worker != null) {
            worker.interrupt();
        }
        closeBody();
        connected = false;
        lastError = "stopped";
    }

    public boolean connected() {
        return connected;
    }

    /** Why the feed is not connected ("" while it is). */
    public String lastError() {
        return connected ? "" : lastError;
    }

    public URI eventsUri() {
        return eventsUri;
    }

    private void run() {
        int failures = 0;
        while (running()) {
            try {
                follow();
                failures = 0;
                lastError = "the " + peer + " ended the event stream";
            } catch (IOException e) {
                lastError = HttpFailures.describe(eventsUri, peer, e);
            } catch (InterruptedException e) {
                return;
            }
            connected = false;
            if (!running()) {
                return;
            }
            onDisconnected.accept(lastError);
            Duration delay = backoff.delay(failures++, ThreadLocalRandom.current().nextDouble());
            if (failures == 1) {
                LOG.warn("{} events: {}; reconnecting with backoff", peer, lastError);
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A stopped (or replaced) follower thread ends at its next check. */
    private boolean running() {
        return thread == Thread.currentThread();
    }

    private void follow() throws IOException, InterruptedException {
        // the timeout bounds the wait for the response headers only; the event stream itself is open-ended
        HttpRequest request = HttpRequest.newBuilder(eventsUri).header("Accept", "text/event-stream")
                .timeout(CONNECT_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (response.statusCode() != 200) {
            closeBody();
            throw new IOException("HTTP " + response.statusCode());
        }
        if (!running()) {
            closeBody();
            return;
        }
        connected = true;
        LOG.info("{} events: following {}", peer, eventsUri);
        onConnected.run();
        SseEventParser parser = new SseEventParser();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (running() && (line = reader.readLine()) != null) {
                parser.line(line).ifPresent(this::deliver);
            }
        }
    }

    private void deliver(SseEvent event) {
        try {
            consumer.accept(event);
        } catch (RuntimeException e) {
            LOG.error("{} events: handling a '{}' event failed", peer, event.name(), e);
        }
    }

    private void closeBody() {
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing to unblock the reader; nothing to keep
            }
        }
    }
}
