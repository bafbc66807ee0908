package io.streampulse.bridge.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/**
 * The body of {@code POST /api/receivers/{name}/test}: the zone ({@code chekt}, {@code sia}) or relay channel
 * ({@code modbus}) to test. Pure parsing; a bad body is an {@link IllegalArgumentException} that says what is wrong.
 */
record ReceiverTestRequest(int target) {

    /** The body field each receiver needs. */
    static String field(String receiver) {
        return "modbus".equals(receiver) ? "channel" : "zone";
    }

    static ReceiverTestRequest parse(JsonMapper json, String receiver, String body) {
        String field = field(receiver);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the body must be JSON {\"" + field + "\": n}");
        }
        Map<String, Object> fields;
        try {
            fields = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the body is not a JSON object: expected {\"" + field + "\": n}");
        }
        if (fields == null || !(fields.get(field) instanceof Number number) || number.doubleValue() % 1 != 0
                || number.longValue() < 0 || number.longValue() > 9_999) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number 0..9999 for receiver '"
                    + receiver + "' (got " + (fields == null ? null : fields.get(field)) + ")");
        }
        return new ReceiverTestRequest(number.intValue());
    }
}
