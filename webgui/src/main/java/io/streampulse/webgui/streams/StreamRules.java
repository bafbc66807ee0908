package io.streampulse.webgui.streams;

import io.micronaut.core.annotation.Nullable;
import io.streampulse.shared.config.StreamEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a stream form must satisfy before it is saved or tested (pure): the same limits config.yaml's parser
 * applies to a {@code streams} entry (so a form that passes saves cleanly), plus what only the UI knows: names
 * unique ignoring case, ids that do not clash with the editor's own pages, and a stored password that never
 * follows the stream to another host without being typed again. Errors are keyed by form field.
 */
public final class StreamRules {

    static final int MAX_NAME = 100;
    static final int MAX_URL = 2048;
    static final List<String> SCHEMES = List.of("rtsp", "rtsps", "http", "https");
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";
    private static final Set<String> RESERVED_IDS = Set.of("new", "test");

    private StreamRules() {
    }

    /**
     * @param others   the configured streams other than the one being edited
     * @param original the stream being edited, or null for a new one
     */
    public static Map<String, String> check(StreamForm form, List<StreamEntry> others, @Nullable StreamEntry original) {
        Map<String, String> errors = new LinkedHashMap<>();
        name(form.name(), others).ifPresent(e -> errors.put("name", e));
        if (original == null) {
            id(form, others).ifPresent(e -> errors.put("id", e));
        }
        url(form.url()).ifPresent(e -> errors.put("url", e));
        if (!form.check().equals("protocol") && !form.check().equals("frame")) {
            errors.put("check", "Choose a protocol check or a frame check.");
        }
        whole(form.intervalSeconds(), 5, 86_400).ifPresent(e -> errors.put("interval_seconds", e));
        whole(form.timeoutSeconds(), 1, 300).ifPresent(e -> errors.put("timeout_seconds", e));
        whole(form.retries(), 0, 100).ifPresent(e -> errors.put("retries", e));
        whole(form.retryIntervalSeconds(), 1, 86_400).ifPresent(e -> errors.put("retry_interval_seconds", e));
        if (form.username().length() > 200 || hasControl(form.username())) {
            errors.put("username", "The user name is too long or holds control characters.");
        }
        if (form.password().length() > 200 || hasControl(form.password())) {
            errors.put("password", "The password is too long or holds control characters.");
        } else if (keepsPasswordForAnotherHost(form, original)) {
            errors.put("password", "The address now points to another camera: type the password again (the stored"
                    + " one is only sent to " + origin(original.url()) + "), or remove it.");
        }
        for (String tag : form.tagList()) {
            if (!tag.matches("[\\p{L}\\p{N}_.:/-]{1,40}")) {
                errors.put("tags", "Tags are words of letters, digits and _ . : / - (at most 40 characters each).");
                break;
            }
        }
        return errors;
    }

    /** The id a saved stream gets: the configured one, the one typed for a new stream, or one from its name. */
    public static String idFor(StreamForm form, @Nullable StreamEntry original) {
        if (original != null) {
            return original.id();
        }
        return form.id().isEmpty() ? StreamEntry.deriveId(form.name()) : form.id();
    }

    /** Whether a blank password field would send the stored password to a different scheme, host or port. */
    static boolean keepsPasswordForAnotherHost(StreamForm form, @Nullable StreamEntry original) {
        return original != null && form.password().isEmpty() && !form.clearPassword()
                && !original.password().isEmpty() && !Objects.equals(origin(form.url()), origin(original.url()));
    }

    /** scheme://host:port of a URL (the default port filled in), or null when it has none. */
    static @Nullable String origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : switch (scheme) {
                case "rtsp" -> 554;
                case "rtsps" -> 322;
                case "http" -> 80;
                case "https" -> 443;
                default -> -1;
            };
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Optional<String> name(String name, List<StreamEntry> others) {
        if (name.isEmpty()) {
            return Optional.of("Give the stream a name.");
        }
        if (name.length() > MAX_NAME || hasControl(name)) {
            return Optional.of("A name is at most " + MAX_NAME + " characters, on one line.");
        }
        if (others.stream().anyMatch(s -> s.name().equalsIgnoreCase(name))) {
            return Optional.of("Another stream is already called this.");
        }
        return Optional.empty();
    }

    private static Optional<String> id(StreamForm form, List<StreamEntry> others) {
        String id = idFor(form, null);
        if (!form.id().isEmpty() && !id.matches(ID_PATTERN)) {
            return Optional.of("An id is 1-64 lower-case letters, digits, '-' or '_', starting with a"
                    + " letter or digit.");
        }
        if (RESERVED_IDS.contains(id)) {
            return Optional.of("'" + id + "' is the name of one of this editor's pages; choose another id.");
        }
        if (others.stream().anyMatch(s -> s.id().equals(id))) {
            return Optional.of("Another stream already has the id '" + id + "'.");
        }
        return Optional.empty();
    }

    private static Optional<String> url(String url) {
        if (url.isEmpty()) {
            return Optional.of("Enter the stream's address, such as rtsp://192.168.1.20:554/stream1.");
        }
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.of("An address has no spaces or control characters (and is at most " + MAX_URL
                    + " characters).");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                return Optional.of("The address must start with rtsp://, rtsps://, http:// or https://.");
            }
            if (uri.getHost() == null) {
                return Optional.of("The address has no host name.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("This is not a valid address: " + e.getReason() + ".");
        }
    }

    private static Optional<String> whole(String text, int min, int max) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text);
            return value < min || value > max
                    ? Optional.of("Enter a whole number from " + min + " to " + max + ", or leave it blank.")
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("Enter a whole number from " + min + " to " + max + ", or leave it blank.");
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < ' ' || c == 0x7f);
    }
}
