package io.streampulse.webgui.settings;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input of a settings form (pure): its config key relative to the section ({@code host},
 * {@code discovery.prefix}), how it is entered and what it may hold. The same description renders the input and
 * reads it back, so the page and the parser cannot drift apart.
 *
 * @param optional  for text: blank removes the key (the default applies); for numbers: blank removes it too
 * @param pattern   for text: what a non-blank value must match, with {@code patternMessage} saying so
 * @param envName   the environment variable that overrides this key (the streamer's), or null
 */
public record Field(String key, String label, Kind kind, int min, int max, List<String> options, boolean optional,
                    Pattern pattern, String patternMessage, String hint, String envName) {

    public enum Kind { TEXT, INTEGER, BOOLEAN, CHOICE, SECRET }

    public static Field text(String key, String label) {
        return new Field(key, label, Kind.TEXT, 0, 0, List.of(), false, null, null, "", null);
    }

    public static Field integer(String key, String label, int min, int max) {
        return new Field(key, label, Kind.INTEGER, min, max, List.of(), false, null, null, "", null);
    }

    public static Field port(String key, String label) {
        return integer(key, label, 1, 65_535);
    }

    public static Field bool(String key, String label) {
        return new Field(key, label, Kind.BOOLEAN, 0, 0, List.of(), false, null, null, "", null);
    }

    public static Field choice(String key, String label, List<String> options) {
        return new Field(key, label, Kind.CHOICE, 0, 0, List.copyOf(options), false, null, null, "", null);
    }

    public static Field secret(String key, String label) {
        return new Field(key, label, Kind.SECRET, 0, 0, List.of(), true, null, null, "", null);
    }

    public Field orBlank() {
        return new Field(key, label, kind, min, max, options, true, pattern, patternMessage, hint, envName);
    }

    public Field matching(String regex, String message) {
        return new Field(key, label, kind, min, max, options, optional, Pattern.compile(regex), message, hint,
                envName);
    }

    public Field hint(String text) {
        return new Field(key, label, kind, min, max, options, optional, pattern, patternMessage, text, envName);
    }

    public Field env(String name) {
        return new Field(key, label, kind, min, max, options, optional, pattern, patternMessage, hint, name);
    }

    public Optional<String> overriddenBy() {
        return Optional.ofNullable(envName);
    }
}
