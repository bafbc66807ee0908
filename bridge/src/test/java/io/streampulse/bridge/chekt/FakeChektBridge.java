package io.streampulse.bridge.chekt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampulse.testkit.FreePorts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * A CHEKT bridge's local event API as yolink-chekt uses it (yolink-chekt.md §4), on a real socket:
 * {@code POST /api/v1/events} with {@code Authorization: Basic base64("apikey:" + token)} and a JSON body
 * {@code {"target_channel":"<zone>","event_description":"<text>"}}. A wrong or missing token gets 401, another
 * method 405, a body without both fields 400, a good event 200. Scriptable: the next N events answer a given status
 * or hang (no answer until the bridge closes).
 */
public final class FakeChektBridge implements AutoCloseable {

    static final String PATH = "/api/v1/events";

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle on, the body waits for the
        // client's delayed ACK of the headers (~40-50 ms a request, which capped CHEKT at ~20/s in bench/bridge).
        // Read once, when the JVM's first HttpServer starts: bridge/pom.xml sets it for the tests as well.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final Pattern CHANNEL = Pattern.compile("\"target_channel\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TEXT = Pattern.compile("\"event_description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One event the bridge accepted (answered 2xx). */
    public record Event(String zone, String text, String authorization) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String expectedAuthorization;
    private final List<Event> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger scriptedLeft = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int scriptedStatus;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private volatile boolean closeAfterAnswer;

    /** @param token the API token the bridge expects; empty: no authentication */
    public FakeChektBridge(String token) throws IOException {
        this.expectedAuthorization = token.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString(("apikey:" + token).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        server.setExecutor(threads);
        server.createContext(PATH, this::events);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} events get {@code status} (0: no answer at all) instead of being accepted. */
    public void answerNext(int count, int status) {
        scriptedStatus = status;
        scriptedLeft.set(count);
    }

    public List<Event> accepted() {
        return List.copyOf(accepted);
    }

    /** The client ports requests came from: one per TCP connection the bridge was sent over. */
    public int connections() {
        return clientPorts.size();
    }

    /** Answers with {@code Connection: close} and then closes the connection, as a bridge without keep-alive. */
    public void closeAfterEachAnswer() {
        closeAfterAnswer = true;
    }

    /** Every request that reached the endpoint, accepted or not. */
    public int requests() {
        return requests.get();
    }

    private void events(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        clientPorts.add(exchange.getRemoteAddress().getPort());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"method not allowed\"}");
            return;
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
            respond(exchange, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        if (scriptedLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            if (scriptedStatus == 0) {
                hang();
                exchange.close();
                return;
            }
            respond(exchange, scriptedStatus, "{\"error\":\"scripted failure\"}");
            return;
        }
        Matcher zone = CHANNEL.matcher(body);
        Matcher text = TEXT.matcher(body);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!zone.find() || !text.find() || contentType == null || !contentType.startsWith("application/json")) {
            respond(exchange, 400, "{\"error\":\"target_channel and event_description required\"}");
            return;
        }
        accepted.add(new Event(zone.group(1), text.group(1).replace("\\\"", "\"").replace("\\\\", "\\"),
                authorization));
        respond(exchange, 200, "{\"result\":\"ok\"}");
    }

    private void hang() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (closeAfterAnswer) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
