package io.streampulse.publisher.streams;

import io.streampulse.publisher.connection.ReconnectBackoff;
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
 * Follows the monitor's {@code GET /api/events} on one daemon thread and hands each event to a consumer. When the
 * monitor is down or the stream ends it reconnects with backoff; the monitor opens every connection with a
 * snapshot of all streams, so nothing missed in between stays missed.
 */
public final class MonitorEventsClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorEventsClient.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI eventsUri;
    private final Consumer<SseEvent> consumer;
    private final ReconnectBackoff backoff;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private volatile boolean connected;
    private volatile String lastError = "not started";
    private volatile InputStream body;
    private volatile Thread thread;

    public MonitorEventsClient(URI monitorBase, Consumer<SseEvent> consumer, ReconnectBackoff backoff) {
        this.eventsUri = monitorBase.resolve("/api/events");
        this.consumer = consumer;
        this.backoff = backoff;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "monitor-events");
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
                lastError = "the monitor ended the event stream";
            } catch (IOException e) {
                lastError = HttpFailures.describe(eventsUri, e);
            } catch (InterruptedException e) {
                return;
            }
            connected = false;
            if (!running()) {
                return;
            }
            Duration delay = backoff.delay(failures++, ThreadLocalRandom.current().nextDouble());
            if (failures == 1) {
                LOG.warn("Monitor events: {}; reconnecting with backoff", lastError);
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
        LOG.info("Monitor events: following {}", eventsUri);
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
            LOG.error("Monitor events: handling a '{}' event failed", event.name(), e);
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
