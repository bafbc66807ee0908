package io.streampulse.bridge.yolink.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampulse.testkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The YoLink cloud's HTTP side as its documentation describes it (doc.yosmart.com Open API V2, anchors §4.1):
 * {@code POST /open/yolink/token} (form, client_credentials: {@code access_token}, {@code expires_in},
 * {@code refresh_token}; wrong UAID/secret: HTTP 200 {@code {"state":"error","msg":"Not Support"}} as seen in the
 * wild) and {@code POST /open/yolink/v2/api} (Bearer token, BDDP in, BUDP/BRDP out; an unknown or expired token:
 * code 010104). Tokens are "token-1", "token-2", ... in issue order and really expire after {@code expiresIn}.
 */
public final class FakeYoLinkCloud implements AutoCloseable {

    public static final String HOME_ID = "fake-home-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String uaid;
    private final String secret;
    private final Map<String, Long> tokenExpiry = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> devices = new CopyOnWriteArrayList<>();
    private volatile long expiresInSeconds;

    public FakeYoLinkCloud(String uaid, String secret, long expiresInSeconds) {
        this.uaid = uaid;
        this.secret = secret;
        this.expiresInSeconds = expiresInSeconds;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("fake YoLink cloud could not listen", e);
        }
        server.createContext("/open/yolink/token", this::token);
        server.createContext("/open/yolink/v2/api", this::api);
        server.start();
    }

    /** What {@code yolink.api_url} should say. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The token the n-th grant hands out (1-based), to put in the broker's password file before it is issued. */
    public static String tokenNumber(int n) {
        return "token-" + n;
    }

    public int tokensIssued() {
        return issued.get();
    }

    public List<String> methodsCalled() {
        return List.copyOf(methods);
    }

    public void expiresIn(long seconds) {
        expiresInSeconds = seconds;
    }

    /** Revokes every token handed out so far (as a YoLink password change would). */
    public void revokeTokens() {
        tokenExpiry.clear();
    }

    public FakeYoLinkCloud withDevice(String deviceId, String name, String type, String model) {
        ObjectNode device = JSON.createObjectNode();
        device.put("deviceId", deviceId);
        device.put("deviceUDID", "udid-" + deviceId);
        device.put("name", name);
        device.put("token", "net-" + deviceId);
        device.put("type", type);
        device.putNull("parentDeviceId");
        device.put("modelName", model);
        device.put("serviceZone", "us_west_1");
        devices.add(device);
        return this;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean post = "POST".equals(exchange.getRequestMethod());
        if (!post || !"client_credentials".equals(form.get("grant_type")) || !uaid.equals(form.get("client_id"))
                || !secret.equals(form.get("client_secret"))) {
            reply(exchange, 200, "{\"state\":\"error\",\"msg\":\"Not Support\"}");
            return;
        }
        String token = tokenNumber(issued.incrementAndGet());
        tokenExpiry.put(token, System.currentTimeMillis() + expiresInSeconds * 1000);
        reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresInSeconds + ",\"refresh_token\":\"refresh-" + token + "\",\"scope\":[\"create\"]}");
    }

    private void api(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String method = request.path("method").asText("");
        methods.add(method);
        ObjectNode answer = JSON.createObjectNode();
        long now = System.currentTimeMillis();
        answer.put("time", now);
        answer.put("msgid", now);
        answer.put("method", method);
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        Long expiry = tokenExpiry.get(token);
        if (expiry == null || expiry < now) {
            answer.put("code", "010104");
            answer.put("desc", "Invalid request: The token is expired");
        } else if ("Home.getGeneralInfo".equals(method)) {
            answer.put("code", "000000");
            answer.put("desc", "Success");
            answer.putObject("data").put("id", HOME_ID).put("name", "Fake home");
        } else if ("Home.getDeviceList".equals(method)) {
            answer.put("code", "000000");
            answer.put("desc", "Success");
            ArrayNode list = answer.putObject("data").putArray("devices");
            devices.forEach(list::add);
        } else {
            answer.put("code", "010203");
            answer.put("desc", "Unsupported method");
        }
        reply(exchange, 200, answer.toString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Tokens that the fake would accept if issued in order, for a broker password file set up in advance. */
    public static List<String> firstTokens(int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tokens.add(tokenNumber(i));
        }
        return tokens;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
