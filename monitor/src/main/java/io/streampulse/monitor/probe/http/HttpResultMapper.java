package io.streampulse.monitor.probe.http;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeResult.CheckKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what one HTTP check saw into a {@link ProbeResult} (pure). UP only for a watchable answer: 2xx, a JPEG
 * content type and a complete picture. Anything that answered but cannot be watched is DEGRADED with the
 * reason; DOWN is for no answer at all ({@link HttpFailureMapper}).
 */
public final class HttpResultMapper {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private HttpResultMapper() {
    }

    /** @param credentialsSent whether the request that got this answer carried the stream's credentials */
    public static ProbeResult answered(HttpAnswer answer, long latencyMs, boolean credentialsSent, long byteBudget) {
        Map<String, String> details = details(answer.status(), answer.contentType(), answer.body().bytesRead(),
                answer.redirects());
        int status = answer.status();
        if (status < 200 || status >= 300) {
            return ProbeResult.degraded(latencyMs, statusLine(status) + statusHint(answer, credentialsSent),
                    CheckKind.HTTP, details);
        }
        ContentKind kind = answer.contentType().map(MediaType::kind).orElse(ContentKind.OTHER);
        if (!kind.carriesJpeg()) {
            String type = answer.contentType().map(MediaType::essence).orElse("no content type");
            return ProbeResult.degraded(latencyMs, "not a video stream (" + type + ")", CheckKind.HTTP, details);
        }
        BodyScan body = answer.body();
        return switch (body.outcome()) {
            case FOUND -> picture(answer, kind, latencyMs, details);
            case BUDGET_EXCEEDED -> ProbeResult.degraded(latencyMs,
                    "no complete JPEG in the first " + byteBudget / 1024 + " KiB", CheckKind.HTTP, details);
            case ENDED, NOT_READ -> ProbeResult.degraded(latencyMs,
                    "no complete JPEG: the body ended after " + body.bytesRead() + " bytes", CheckKind.HTTP, details);
        };
    }

    /** The deadline passed after a 2xx JPEG answer began but before a complete picture arrived. */
    public static ProbeResult stalled(int status, Optional<MediaType> contentType, long bytesRead, int redirects,
                                      long latencyMs, long timeoutMs) {
        return ProbeResult.degraded(latencyMs, "no complete JPEG within " + timeoutMs + " ms (received "
                + bytesRead / 1024 + " KiB)", CheckKind.HTTP, details(status, contentType, bytesRead, redirects));
    }

    private static ProbeResult picture(HttpAnswer answer, ContentKind kind, long latencyMs, Map<String, String> details) {
        Optional<JpegInfo> info = JpegInfo.parse(answer.body().jpeg());
        if (info.isEmpty()) {
            return ProbeResult.degraded(latencyMs, "JPEG without a usable frame header", CheckKind.HTTP, details);
        }
        JpegInfo jpeg = info.get();
        details.put("width", Integer.toString(jpeg.width()));
        details.put("height", Integer.toString(jpeg.height()));
        String size = jpeg.width() + "x" + jpeg.height();
        String message = kind == ContentKind.MJPEG
                ? "HTTP " + answer.status() + " MJPEG, " + size + " frame"
                : "HTTP " + answer.status() + " snapshot " + size;
        return ProbeResult.up(latencyMs, message, CheckKind.HTTP, details);
    }

    private static String statusHint(HttpAnswer answer, boolean credentialsSent) {
        if (answer.status() == 401) {
            return credentialsSent ? ": wrong credentials" : ": credentials required";
        }
        return answer.redirectRefusal().map(why -> ": " + why).orElse("");
    }

    static String statusLine(int status) {
        String reason = REASONS.get(status);
        return "HTTP " + status + (reason == null ? "" : " " + reason);
    }

    private static Map<String, String> details(int status, Optional<MediaType> contentType, long bytes, int redirects) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", Integer.toString(status));
        contentType.ifPresent(type -> details.put("content_type", type.essence()));
        contentType.flatMap(MediaType::boundary).ifPresent(boundary -> details.put("boundary", boundary));
        details.put("bytes", Long.toString(bytes));
        if (redirects > 0) {
            details.put("redirects", Integer.toString(redirects));
        }
        return details;
    }
}
