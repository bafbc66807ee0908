package io.streampulse.bridge.chekt;

import io.streampulse.shared.config.ReceiversSection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the CHEKT bridge's local event request (pure), the contract yolink-chekt settled on (its commit
 * "chekt payload fix w/ auth"; no public CHEKT document describes it, so everything is configurable):
 * {@code POST http://<bridge>:30003/api/v1/events}, {@code Authorization: Basic base64("apikey:" + token)},
 * body {@code {"target_channel":"<zone>","event_description":"<text>"}} with the zone as a string.
 * A {@code receivers.chekt.url} without a path gets {@link #DEFAULT_PATH}; a URL with a path is used as given
 * (for a bridge firmware that wants another path).
 */
public final class ChektRequestBuilder {

    public static final String DEFAULT_PATH = "/api/v1/events";

    private ChektRequestBuilder() {
    }

    /** @throws IllegalArgumentException when the configured URL is not an http(s) URL with a host */
    public static ChektRequest build(ReceiversSection.Chekt config, int zone, String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (config.apiToken() != null && !config.apiToken().isEmpty()) {
            headers.put("Authorization", basicAuth(config.apiToken().value()));
        }
        String body = "{\"target_channel\":" + Json.quote(Integer.toString(zone)) + ",\"event_description\":"
                + Json.quote(text) + "}";
        return new ChektRequest(eventsUrl(config.url()), headers, body);
    }

    static String basicAuth(String token) {
        return "Basic " + Base64.getEncoder().encodeToString(("apikey:" + token).getBytes(StandardCharsets.UTF_8));
    }

    static String eventsUrl(String configured) {
        String url = configured == null ? "" : configured.strip();
        int scheme = url.indexOf("://");
        String prefix = scheme < 0 ? "" : url.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
        if (!prefix.equals("http") && !prefix.equals("https") || url.length() == scheme + 3) {
            throw new IllegalArgumentException("receivers.chekt.url must be http://host:port (got '" + url + "')");
        }
        int path = url.indexOf('/', scheme + 3);
        if (path < 0) {
            return url + DEFAULT_PATH;
        }
        return url.substring(path).equals("/") ? url.substring(0, path) + DEFAULT_PATH : url;
    }

    /** The two strings of the body, escaped per RFC 8259. */
    static final class Json {

        private Json() {
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
