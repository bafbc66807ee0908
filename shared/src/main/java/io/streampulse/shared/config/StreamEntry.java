package io.streampulse.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One camera stream from {@code streams}. StreamPulse 2.2 entries have only {@code name} and {@code url}; every
 * other field is optional and falls back to the {@code monitor} section or {@code heartbeat_seconds}.
 *
 * @param id stable id: the configured one, or one derived from the name (the GUI writes it back once, so a
 *           later rename keeps the stream's history)
 */
public record StreamEntry(
        String id,
        boolean idConfigured,
        String name,
        String url,
        boolean enabled,
        CheckKind check,
        Optional<Integer> intervalSeconds,
        Optional<Integer> timeoutSeconds,
        Optional<Integer> retries,
        Optional<Integer> retryIntervalSeconds,
        String username,
        Secret password,
        boolean tlsVerify,
        List<String> tags) {

    public enum CheckKind { PROTOCOL, FRAME }

    static final Map<String, CheckKind> CHECK_KINDS = Map.of("protocol", CheckKind.PROTOCOL, "frame", CheckKind.FRAME);
    static final List<String> SCHEMES = List.of("rtsp", "rtsps", "http", "https");
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    static StreamEntry read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("name", "url", "id", "enabled", "check", "interval_seconds", "timeout_seconds",
                "retries", "retry_interval_seconds", "username", "password", "tls_verify", "tags"));
        String name = r.string("name", "").strip();
        if (name.isEmpty()) {
            r.reject("name", "'" + r.path() + ".name' is required");
        }
        String url = r.string("url", "").strip();
        checkUrl(r, url);
        String id = r.optionalString("id").orElse(null);
        if (id != null && !id.matches(ID_PATTERN)) {
            r.reject("id", "'" + r.path() + ".id' must be 1-64 lower-case letters, digits, '-' or '_' (got '"
                    + id + "')");
            id = null;
        }
        boolean configured = id != null;
        return new StreamEntry(
                configured ? id : deriveId(name),
                configured,
                name,
                url,
                r.bool("enabled", true),
                r.choice("check", CheckKind.PROTOCOL, CHECK_KINDS),
                optionalInt(r, "interval_seconds", 5, 86_400),
                optionalInt(r, "timeout_seconds", 1, 300),
                optionalInt(r, "retries", 0, 100),
                optionalInt(r, "retry_interval_seconds", 1, 86_400),
                r.string("username", ""),
                r.secret("password"),
                r.bool("tls_verify", true),
                r.words("tags", List.of()));
    }

    private static Optional<Integer> optionalInt(NodeReader r, String key, int min, int max) {
        return r.has(key) ? Optional.of(r.integer(key, min, min, max)) : Optional.empty();
    }

    private static void checkUrl(NodeReader r, String url) {
        String key = r.path() + ".url";
        if (url.isEmpty()) {
            r.reject("url", "'" + key + "' is required");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                r.reject("url", "'" + key + "' must start with rtsp://, rtsps://, http:// or https://");
            } else if (uri.getHost() == null) {
                r.reject("url", "'" + key + "' has no host name");
            }
        } catch (URISyntaxException e) {
            r.reject("url", "'" + key + "' is not a valid URL: " + e.getReason());
        }
    }

    /**
     * A readable slug plus a short hash of the exact name, so "Cam 1" and "Cam-1" (one table in StreamPulse, which
     * mixed their histories) get different ids.
     */
    public static String deriveId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String suffix = HexFormat.of().formatHex(hash, 0, 4);
            return slug.isEmpty() ? "s-" + suffix : slug + "-" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
