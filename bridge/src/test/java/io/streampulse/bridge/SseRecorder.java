package io.streampulse.bridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.streampulse.testkit.Eventually;

/** Reads a server-sent event stream with the JDK client and keeps every event as "name" + data. */
public final class SseRecorder implements AutoCloseable {

    public record SseEvent(String name, String data) {
    }

    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseRecorder(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String[] name = {"message"};
            r.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new SseEvent(name[0], line.substring(5).strip()));
                    name[0] = "message";
                }
            });
        });
    }

    /** The data of the first event named {@code name} whose data matches. */
    public String await(Duration timeout, String name, Predicate<String> data) {
        return Eventually.await(timeout, "SSE event '" + name + "'", () -> events.stream()
                .filter(e -> e.name().equals(name) && data.test(e.data())).findFirst(),
                java.util.Optional::isPresent).orElseThrow().data();
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
