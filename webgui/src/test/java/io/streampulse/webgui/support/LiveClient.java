package io.streampulse.webgui.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client for {@code /ws/live} (the JDK's), with the cookie and Origin a test chooses; collects the
 * text frames. {@link #refusal} tells the HTTP status of a refused handshake.
 */
public final class LiveClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<String> frames;

    private LiveClient(WebSocket socket, BlockingQueue<String> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    public static LiveClient connect(URI base, String cookie, String origin) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        return new LiveClient(builder(cookie, origin).buildAsync(wsUri(base), new Collector(frames)).join(), frames);
    }

    /** The HTTP status that refused the handshake (fails if it was accepted). */
    public static int refusal(URI base, String cookie, String origin) {
        try {
            builder(cookie, origin).buildAsync(wsUri(base), new Collector(new LinkedBlockingQueue<>())).join()
                    .abort();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the handshake was accepted");
    }

    /** The next frame, waiting up to {@code timeout}; fails when none comes. */
    public String next(Duration timeout) throws InterruptedException {
        String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout);
        }
        return frame;
    }

    private static WebSocket.Builder builder(String cookie, String origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(20));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder;
    }

    private static URI wsUri(URI base) {
        return URI.create("ws://" + base.getAuthority() + "/ws/live");
    }

    @Override
    public void close() {
        socket.abort();
    }

    private record Collector(BlockingQueue<String> frames) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            Parts.append(webSocket, data);
            if (last) {
                frames.add(Parts.take(webSocket));
            }
            webSocket.request(1);
            return null;
        }
    }

    /** A frame may arrive in parts; they are joined per socket. */
    private static final class Parts {
        private static final java.util.Map<WebSocket, StringBuilder> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

        static void append(WebSocket socket, CharSequence data) {
            OPEN.computeIfAbsent(socket, s -> new StringBuilder()).append(data);
        }

        static String take(WebSocket socket) {
            StringBuilder parts = OPEN.remove(socket);
            return parts == null ? "" : parts.toString();
        }
    }
}
