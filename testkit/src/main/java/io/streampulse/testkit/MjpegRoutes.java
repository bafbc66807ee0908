package io.streampulse.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The paths {@link MjpegServer} answers, each behaving like one kind of camera (or web page) would. */
final class MjpegRoutes implements HttpHandler {

    static final String BOUNDARY = "streampulseframe";
    private static final long FRAME_PERIOD_MS = 100;
    // a step coprime with the frame count, so consecutive connections start on different pictures
    private static final int START_STEP = 7;

    private final MjpegFrames frames;
    private final String expectedAuthorization;
    private final CountDownLatch closed;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger openStreams = new AtomicInteger();

    MjpegRoutes(MjpegFrames frames, String user, String password, CountDownLatch closed) {
        this.frames = frames;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.closed = closed;
    }

    int openStreams() {
        return openStreams.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case "/moving.mjpg" -> stream(exchange, frames.moving(), nextStart());
                case "/frozen.mjpg" -> stream(exchange, List.of(frames.frozen()), 0);
                case "/black.mjpg" -> stream(exchange, List.of(frames.black()), 0);
                case "/snapshot.jpg" -> send(exchange, 200, "image/jpeg", frames.moving().get(nextStart()));
                case "/page.html" -> send(exchange, 200, "text/html; charset=utf-8",
                        "<!doctype html><title>Camera login</title><p>Please log in.".getBytes(StandardCharsets.UTF_8));
                case "/truncated.mjpg" -> truncated(exchange);
                case "/redirect" -> {
                    exchange.getResponseHeaders().set("Location", "/moving.mjpg");
                    send(exchange, 302, "text/plain", new byte[0]);
                }
                case "/redirect-elsewhere" -> {
                    // same server, another origin (localhost instead of 127.0.0.1): credentials must not follow
                    exchange.getResponseHeaders().set("Location",
                            "http://localhost:" + exchange.getLocalAddress().getPort() + "/auth.mjpg");
                    send(exchange, 302, "text/plain", new byte[0]);
                }
                case "/auth.mjpg" -> authenticated(exchange);
                case "/stall" -> stall();
                default -> send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private int nextStart() {
        return connections.getAndIncrement() * START_STEP % frames.moving().size();
    }

    private void authenticated(HttpExchange exchange) throws IOException {
        if (expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            stream(exchange, frames.moving(), nextStart());
        } else {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"camera\"");
            send(exchange, 401, "text/plain", "unauthorized".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Endless multipart/x-mixed-replace at 10 frames a second, until the client goes away or the server closes. */
    private void stream(HttpExchange exchange, List<byte[]> pictures, int start) throws IOException {
        openStreams.incrementAndGet();
        try {
            exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = start; closed.getCount() > 0; i++) {
                writePart(body, pictures.get(i % pictures.size()), -1);
                body.flush();
                if (closed.await(FRAME_PERIOD_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException clientWentAway) {
            // the normal end of a stream: the client had what it wanted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            openStreams.decrementAndGet();
        }
    }

    /** A stream whose first picture stops halfway, and then nothing: a camera that hangs mid-frame. */
    private void truncated(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
        exchange.sendResponseHeaders(200, 0);
        byte[] picture = frames.frozen();
        writePart(exchange.getResponseBody(), picture, picture.length / 2);
        exchange.getResponseBody().flush();
        stall();
    }

    private static void writePart(OutputStream body, byte[] picture, int cutAt) throws IOException {
        String headers = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + picture.length
                + "\r\n\r\n";
        body.write(headers.getBytes(StandardCharsets.US_ASCII));
        body.write(picture, 0, cutAt < 0 ? picture.length : cutAt);
        if (cutAt < 0) {
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Accepts the request and never answers, until the server closes. */
    private void stall() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
