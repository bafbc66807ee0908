package io.streampulse.webgui.streams.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampulse.testkit.FakeHttp;
import io.streampulse.testkit.FreePorts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The monitor's stream API as the webgui's stream pages use it, on a real socket, built from the monitor's
 * controllers (CheckController, StreamsController, HistoryController) and the vectors of their tests:
 * <ul>
 *   <li>{@code POST /api/check}: the request validated like a streams entry (400 {@code {status, message}}), then
 *   a real TCP connection to the camera: a listener is UP with the message and details a real check gives, a
 *   refused port is DOWN "connection refused" (the monitor's own words).</li>
 *   <li>{@code /api/streams/{id}}, {@code /changes}, {@code /thumbnail.jpg}: a stream's status, two state changes
 *   newest first, a JPEG; unknown ids 404 {@code no stream with id '...'}.</li>
 *   <li>{@code /api/streams/{id}/history}: a realistic day (latency wave, a 20-minute outage 5 h ago) at the
 *   resolution asked, written point by point, at most 10,000 points with {@code truncated} like the real one.</li>
 * </ul>
 */
public final class FakeStreamsMonitor implements AutoCloseable {

    public static final int MAX_POINTS = 10_000;
    private static final long MINUTE = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final AtomicReference<JsonNode> lastCheck = new AtomicReference<>();
    private final long now = System.currentTimeMillis();
    private final byte[] thumbnail = jpeg();

    public FakeStreamsMonitor() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/api/check", this::check);
        server.createContext("/api/streams/", this::streams);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The monitor does not know this stream (not in its config yet). */
    public void forget(String id) {
        unknown.add(id);
    }

    public void remember(String id) {
        unknown.remove(id);
    }

    /** The body of the last {@code POST /api/check}. */
    public JsonNode lastCheck() {
        return lastCheck.get();
    }

    private void check(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        lastCheck.set(request);
        String url = request.path("url").asText("");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            FakeHttp.json(exchange, 400, error(400, "'url' is not a valid URL: " + e.getMessage()));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("rtsp", "rtsps", "http", "https").contains(scheme)) {
            FakeHttp.json(exchange, 400, error(400, "'url' must start with rtsp://, rtsps://, http:// or https://"));
            return;
        }
        boolean rtsp = scheme.startsWith("rtsp");
        String kind = request.path("check").asText("protocol").equals("frame") ? "FRAME" : rtsp ? "RTSP" : "HTTP";
        int port = uri.getPort() > 0 ? uri.getPort() : rtsp ? 554 : scheme.equals("https") ? 443 : 80;
        long start = System.nanoTime();
        Map<String, Object> result = new HashMap<>();
        result.put("kind", kind);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), request.path("timeout_seconds").asInt(5) * 1000);
            result.put("state", "UP");
            result.put("message", rtsp ? "RTSP 200, H264 Main 1280x720" : "HTTP 200 MJPEG, 320x240 frame");
            result.put("details", rtsp ? Map.of("codec", "H264", "profile", "Main", "width", "1280", "height", "720")
                    : Map.of("status", "200", "content_type", "multipart/x-mixed-replace", "width", "320",
                    "height", "240"));
        } catch (ConnectException refused) {
            result.put("state", "DOWN");
            result.put("message", "connection refused");
            result.put("details", Map.of());
        } catch (SocketTimeoutException silent) {
            result.put("state", "DOWN");
            result.put("message", "timeout after " + request.path("timeout_seconds").asInt(5) * 1000 + " ms");
            result.put("details", Map.of());
        }
        result.put("latency_ms", (System.nanoTime() - start) / 1_000_000);
        FakeHttp.json(exchange, 200, JSON.writeValueAsString(result));
    }

    private void streams(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().substring("/api/streams/".length()).split("/", 2);
        String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String rest = parts.length > 1 ? parts[1] : "";
        if (unknown.contains(id)) {
            FakeHttp.json(exchange, 404, error(404, "no stream with id '" + id + "'"));
            return;
        }
        switch (rest) {
            case "" -> FakeHttp.json(exchange, 200, "{\"id\":\"" + id + "\",\"name\":\"cam\",\"state\":\"UP\","
                    + "\"since\":" + (now - 5 * 60 * MINUTE + 20 * MINUTE) + ",\"ts\":" + now + ",\"latency_ms\":42,"
                    + "\"message\":\"RTSP 200, H264 Main 1280x720\",\"kind\":\"RTSP\",\"important\":false,"
                    + "\"details\":{\"codec\":\"H264\"}}");
            case "changes" -> FakeHttp.json(exchange, 200, "{\"id\":\"" + id + "\",\"from\":"
                    + (now - 30 * 1440 * MINUTE) + ",\"to\":" + now + ",\"changes\":["
                    + change(id, now - 5 * 60 * MINUTE + 20 * MINUTE, "UP", 40, "RTSP 200, H264 Main 1280x720") + ","
                    + change(id, now - 5 * 60 * MINUTE, "DOWN", null, "connection refused") + "]}");
            case "thumbnail.jpg" -> {
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, thumbnail.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(thumbnail);
                }
            }
            case "history" -> history(exchange, id);
            default -> FakeHttp.json(exchange, 404, error(404, "not found"));
        }
    }

    private static String change(String id, long ts, String state, Integer latency, String message) {
        return "{\"stream_id\":\"" + id + "\",\"ts_millis\":" + ts + ",\"state\":\"" + state + "\""
                + (latency == null ? "" : ",\"latency_ms\":" + latency) + ",\"message\":\"" + message
                + "\",\"kind\":\"RTSP\",\"important\":true}";
    }

    /** Points written as they are made (a raw day is 17,280 of them), as the monitor's serializer would. */
    private void history(HttpExchange exchange, String id) throws IOException {
        Map<String, String> query = FakeHttp.query(exchange.getRequestURI().getRawQuery());
        long to = Long.parseLong(query.getOrDefault("to", Long.toString(now)));
        long from = Long.parseLong(query.getOrDefault("from", Long.toString(to - 1440 * MINUTE)));
        String resolution = query.getOrDefault("resolution", "minute");
        long step = switch (resolution) {
            case "raw" -> 5_000;
            case "minute" -> MINUTE;
            case "hour" -> 60 * MINUTE;
            case "day" -> 1440 * MINUTE;
            default -> -1;
        };
        if (step < 0) {
            FakeHttp.json(exchange, 400, error(400, "resolution '" + resolution + "' is not one of auto, raw, minute, hour, day"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (Writer out = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8)) {
            out.write("{\"id\":\"" + id + "\",\"from\":" + from + ",\"to\":" + to + ",\"resolution\":\"" + resolution
                    + "\",\"points\":[");
            int count = 0;
            long first = (from + step - 1) / step * step;
            boolean truncated = false;
            for (long ts = first; ts < to; ts += step) {
                if (count == MAX_POINTS) {
                    truncated = true;
                    break;
                }
                out.write((count++ == 0 ? "" : ",") + point(ts, step));
            }
            out.write("],\"truncated\":" + truncated + "}");
        }
    }

    /** A believable point: latency 35-60 ms in a slow wave, down for 20 minutes five hours ago. */
    private String point(long ts, long step) {
        int beats = (int) Math.max(1, step / 20_000);
        long outageStart = now - 5 * 60 * MINUTE;
        boolean down = ts + step > outageStart && ts < outageStart + 20 * MINUTE;
        if (down) {
            return "{\"ts\":" + ts + ",\"up\":0,\"degraded\":0,\"down\":" + beats + ",\"pending\":0,\"up_ratio\":0.0}";
        }
        double wave = 47 + 10 * Math.sin(ts / (90.0 * MINUTE)) + 3 * Math.sin(ts / 7_000_000.0);
        long min = Math.round(wave - 8);
        long max = Math.round(wave + 16 + 6 * Math.sin(ts / (23.0 * MINUTE)));
        return "{\"ts\":" + ts + ",\"up\":" + beats + ",\"degraded\":0,\"down\":0,\"pending\":0,\"latency_min\":" + min
                + ",\"latency_avg\":" + String.format(Locale.ROOT, "%.2f", wave) + ",\"latency_max\":" + max
                + ",\"up_ratio\":1.0}";
    }

    private static String error(int status, String message) throws IOException {
        return JSON.writeValueAsString(Map.of("status", status, "message", message));
    }

    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 110), 320, 180, new Color(150, 170, 120)));
        g.fillRect(0, 0, 320, 180);
        g.setColor(Color.WHITE);
        g.drawString("fake camera", 20, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
