package io.streampulse.monitor.probe.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Content-Type value (pure): type and subtype lower-cased, parameter names lower-cased, quoted values
 * unquoted. Lenient the way cameras need: {@code multipart/x-mixed-replace;boundary="--frame"} and
 * {@code multipart/x-mixed-replace; boundary=myboundary} both give a boundary.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    public MediaType {
        parameters = Map.copyOf(parameters);
    }

    /** Empty when the header is missing or has no {@code type/subtype}. */
    public static Optional<MediaType> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                parameters.putIfAbsent(parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        unquote(parts[i].substring(eq + 1).trim()));
            }
        }
        return Optional.of(new MediaType(essence.substring(0, slash).trim(), essence.substring(slash + 1).trim(),
                parameters));
    }

    /** {@code type/subtype}, for messages: "not a video stream (text/html)". */
    public String essence() {
        return type + "/" + subtype;
    }

    public Optional<String> boundary() {
        return Optional.ofNullable(parameters.get("boundary")).filter(b -> !b.isEmpty());
    }

    public ContentKind kind() {
        return switch (essence()) {
            case "multipart/x-mixed-replace" -> ContentKind.MJPEG;
            case "image/jpeg", "image/jpg" -> ContentKind.JPEG;
            case "text/html" -> ContentKind.HTML;
            default -> ContentKind.OTHER;
        };
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
