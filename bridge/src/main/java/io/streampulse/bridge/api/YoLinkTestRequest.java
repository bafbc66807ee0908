package io.streampulse.bridge.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.streampulse.shared.config.YoLinkSection;

import java.io.IOException;
import java.util.Map;

/**
 * The body of {@code POST /api/yolink/test} (pure parsing): {@code uaid}, {@code secret_key} and {@code api_url},
 * each optional; a field left out or blank falls back to the saved {@code yolink} section, so the web UI can test
 * what the user typed without ever holding the saved secret. A bad body is an {@link IllegalArgumentException}
 * that says what is wrong.
 */
record YoLinkTestRequest(String uaid, String secretKey, String apiUrl) {

    static YoLinkTestRequest parse(JsonMapper json, String body, YoLinkSection saved) {
        Map<String, Object> fields = Map.of();
        if (body != null && !body.isBlank()) {
            try {
                fields = json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the body is not a JSON object: expected {\"uaid\", "
                        + "\"secret_key\", \"api_url\"} (each optional)");
            }
        }
        YoLinkTestRequest request = new YoLinkTestRequest(
                text(fields, "uaid", saved.uaid()),
                text(fields, "secret_key", saved.secretKey().value()),
                text(fields, "api_url", saved.apiUrl()));
        if (request.uaid.isBlank() || request.secretKey.isBlank()) {
            throw new IllegalArgumentException("no UAID or secret key to test: enter both, or save them in "
                    + "yolink.uaid and yolink.secret_key first");
        }
        return request;
    }

    private static String text(Map<String, Object> fields, String key, String saved) {
        Object value = fields == null ? null : fields.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("'" + key + "' must be a string (got " + value + ")");
        }
        return value == null || ((String) value).isBlank() ? saved : ((String) value).strip();
    }
}
