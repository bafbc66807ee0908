package io.streampulse.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A real HTTP server on a free port that plays a peer of ours: fixed JSON documents on some paths and server-sent
 * event streams on others (each new subscriber gets an opening, then every published event). It can stop and
 * start again on the same port, to play a peer's restart. The fakes of the monitor and the bridge are built on it
 * with their real payload shapes.
 */
public final class FakeSseServer implements AutoCloseable {

    private final int port = FreePorts.next();
    private final Map<String, HttpHandler> contexts = new LinkedHashMap<>();
    private final Map<String, List<OutputStream>> subscribers = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService threads;
    private CountDownLatch stopped;
    private boolean running;

    public FakeSseServer() {
        start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Serves again on the same port, every path as before. */
    public synchronized void start() {
        try {
            stopped = new CountDownLatch(1);
            threads = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(threads);
            contexts.forEach(server::createContext);
            server.start();
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException("fake peer could not listen on " + port, e);
        }
    }

    /** Stops serving and ends every open event stream (a peer going down). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
        subscribers.values().forEach(List::clear);
    }

    /** A GET path that answers {@code body}'s current value (404 while it is null) with the given content type. */
    public void document(String path, String contentType, Supplier<byte[]> body) {
        context(path, exchange -> {
            byte[] bytes = body.get();
            if (bytes == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
    }

    public void json(String path, Supplier<String> body) {
        document(path, "application/json", () -> body.get().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An event stream: a subscriber gets {@code opening} (already SSE text) and then everything published on this
     * path. The opening is computed under the same lock as publishing, so nothing falls between the two.
     */
    public void events(String path, Supplier<String> opening) {
        List<OutputStream> open = subscribers.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        context(path, exchange -> follow(exchange, open, opening));
    }

    /** Sends SSE text ({@code event: x\ndata: y\n\n}) to every subscriber of a path; dead ones are dropped. */
    public synchronized void publish(String path, String sse) {
        List<OutputStream> open = subscribers.getOrDefault(path, List.of());
        for (OutputStream out : open) {
            if (!write(out, sse)) {
                open.remove(out);
            }
        }
    }

    public int subscribers(String path) {
        return subscribers.getOrDefault(path, List.of()).size();
    }

    public static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private synchronized void context(String path, HttpHandler handler) {
        contexts.put(path, handler);
        server.createContext(path, handler);
    }

    private void follow(HttpExchange exchange, List<OutputStream> open, Supplier<String> opening) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        CountDownLatch until;
        synchronized (this) {
            if (write(out, opening.get())) {
                open.add(out);
            }
            until = stopped;
        }
        try {
            until.await(); // the stream stays open until the server stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static boolean write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
