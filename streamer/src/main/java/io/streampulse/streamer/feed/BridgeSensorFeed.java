package io.streampulse.streamer.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Follows the bridge: {@code GET /api/devices} (a JSON array) for the full list, then the server-sent events at
 * {@code /api/devices/events} ({@code snapshot}: one device as it is now (or the whole array), {@code device}: one
 * device changed,
 * {@code removed}: {@code {"device_id": ...}}). On any failure it reconnects with backoff (1 s doubling to 30 s)
 * and reloads the list, so nothing missed in between stays missed. One daemon thread.
 */
public final class BridgeSensorFeed extends ListenedFeed {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeSensorFeed.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final URI devicesUri;
    private final URI eventsUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final DeviceTable table = new DeviceTable();
    private volatile boolean loaded;
    private volatile InputStream body;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "bridge-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean started;

    public BridgeSensorFeed(URI bridgeBase) {
        super(FeedSnapshot.unreachable("not connected yet"));
        this.devicesUri = bridgeBase.resolve("/api/devices");
        this.eventsUri = bridgeBase.resolve("/api/devices/events");
    }

    @Override
    public synchronized void start() {
        if (!started) {
            started = true;
            worker.execute(this::run);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        closeBody();
        forgetListeners();
    }

    private void run() {
        long backoff = 1_000;
        while (!worker.isShutdown()) {
            try {
                load();
                backoff = 1_000;
                follow();
                disconnected("the bridge ended the event stream");
            } catch (IOException | IllegalArgumentException e) {
                disconnected(describe(e));
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    private void load() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(devicesUri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + devicesUri + " answered HTTP " + response.statusCode());
        }
        table.replaceAll(DeviceJson.parseList(response.body()));
        loaded = true;
        publish(true, "");
    }

    private void follow() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(eventsUri)
                .header("Accept", "text/event-stream").timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (response.statusCode() != 200) {
            closeBody();
            throw new IOException("GET " + eventsUri + " answered HTTP " + response.statusCode());
        }
        LOG.info("Bridge feed: following {}", eventsUri);
        String event = "message";
        StringBuilder data = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null && !worker.isShutdown();
                 line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        apply(event, data.toString());
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
            }
        }
    }

    /** One bad event is logged and skipped; the stream goes on. */
    private void apply(String event, String data) {
        try {
            switch (event) {
                // the bridge sends one snapshot event per device on connect; a whole array is taken too
                case "snapshot" -> {
                    if (data.stripLeading().startsWith("[")) {
                        table.replaceAll(DeviceJson.parseList(data));
                    } else {
                        DeviceJson.parseOne(data).ifPresent(table::put);
                    }
                }
                case "device", "message" -> DeviceJson.parseOne(data).ifPresent(table::put);
                case "removed" -> DeviceJson.deviceId(data).ifPresent(table::remove);
                default -> {
                    return;
                }
            }
            publish(true, "");
        } catch (IllegalArgumentException e) {
            LOG.warn("Bridge feed: skipped a '{}' event from {}: {}", event, eventsUri, e.getMessage());
        }
    }

    private void disconnected(String problem) {
        if (current().connected() || !current().problem().equals(problem)) {
            LOG.warn("Bridge feed: {}; retrying with backoff", problem);
        }
        publish(false, problem);
    }

    private void publish(boolean connected, String problem) {
        publish(new FeedSnapshot(connected, loaded, table.cards(), problem));
    }

    private String describe(Exception e) {
        if (e instanceof ConnectException) {
            return "the bridge at " + devicesUri.getAuthority() + " refused the connection";
        }
        if (e instanceof HttpTimeoutException) {
            return "the bridge at " + devicesUri.getAuthority() + " did not answer within " + TIMEOUT.toSeconds()
                    + " s";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Closing the body is the one way to unblock a reader waiting on the event stream. */
    private void closeBody() {
        try (InputStream ignored = body) {
            body = null;
        } catch (IOException ignored) {
            // nothing to keep from a stream being abandoned
        }
    }
}
