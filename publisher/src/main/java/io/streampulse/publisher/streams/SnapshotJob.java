package io.streampulse.publisher.streams;

import io.streampulse.shared.feed.HttpFailures;
import io.streampulse.publisher.connection.MessageSink;
import io.streampulse.publisher.outbox.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * StreamPulse's message: the monitor's {@code /api/status} body, unchanged, on {@code mqtt.topic} every
 * {@code interval_seconds}, so existing subscribers keep working. The body is taken verbatim (not rebuilt from
 * events) so it equals {@code /api/status} byte for byte. Unlike StreamPulse, an empty or failed answer is not
 * published, and the request is asynchronous with a timeout, never a stuck loop.
 */
public final class SnapshotJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotJob.class);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(6);

    /** Where and how the snapshot goes. */
    public record Options(String topic, int qos, boolean retain, int intervalSeconds) {
    }

    private final URI statusUri;
    private final MessageSink sink;
    private final Consumer<String> onStatus;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mqtt-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private Options options;
    private ScheduledFuture<?> task;
    private volatile String lastProblem = "";

    /** {@code onStatus} also gets each good body (the streams' uptimes are read from it). */
    public SnapshotJob(URI monitorBase, MessageSink sink, Consumer<String> onStatus) {
        this.statusUri = monitorBase.resolve("/api/status");
        this.sink = sink;
        this.onStatus = onStatus;
    }

    /** Starts, or restarts with new options; the first snapshot goes out at once. Same options: nothing changes. */
    public synchronized void apply(Options next) {
        if (next.equals(options) && task != null) {
            return;
        }
        options = next;
        cancel();
        task = timer.scheduleAtFixedRate(this::snapshot, 0, next.intervalSeconds(), TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        cancel();
        options = null;
    }

    /** Why the last snapshot was not published ("" when it was). */
    public String lastProblem() {
        return lastProblem;
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }

    private void cancel() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void snapshot() {
        Options current;
        synchronized (this) {
            current = options;
        }
        if (current == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(statusUri).timeout(REQUEST_TIMEOUT).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            String problem = error != null ? HttpFailures.describe(statusUri, "monitor", error)
                    : response.statusCode() != 200 ? statusUri + " answered HTTP " + response.statusCode()
                    : response.body().isBlank() ? statusUri + " answered an empty body" : "";
            if (!problem.isEmpty()) {
                if (!problem.equals(lastProblem)) {
                    LOG.warn("Snapshot not published: {}", problem);
                }
                lastProblem = problem;
                return;
            }
            lastProblem = "";
            sink.publish(new OutgoingMessage(current.topic(), response.body().strip(), current.qos(),
                    current.retain()));
            onStatus.accept(response.body());
        });
    }
}
