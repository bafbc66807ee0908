package io.streampulse.monitor.probe.rtsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One RTSP response as the dialog needs it (pure value): status line, headers and body text.
 *
 * @param headers header name (lower case) to its values in order
 */
public record RtspReply(int status, String reason, Map<String, List<String>> headers, String body) {

    public RtspReply {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = Map.copyOf(copy);
    }

    /** The first value of a header, or "" if absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
