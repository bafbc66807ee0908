package io.streampulse.webgui.settings;

import io.streampulse.shared.config.ConfigDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A submitted form as config edits (pure): an error per bad field, or the keys it sets and removes. {@link #read}
 * reads a settings section (errors keyed by the field's full config path); sensors' MappingForm reads a device's
 * mapping. Only the form's own keys are touched, so a save never drops what the form does not show. Fields
 * overridden by the environment are ignored (their inputs are disabled). Secrets: blank keeps the saved one,
 * {@code <key>.clear} removes it, anything else replaces it.
 */
public record FormEdit(Map<String, String> errors, Map<String, Object> sets, List<String> removals) {

    public static final String CLEAR_SUFFIX = ".clear";

    public static FormEdit read(SettingsSection section, Map<String, String> form, Set<String> overridden) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> sets = new LinkedHashMap<>();
        List<String> removals = new ArrayList<>();
        for (Field field : section.fields()) {
            if (field.envName() != null && overridden.contains(field.envName())) {
                continue;
            }
            String path = section.path(field);
            String raw = form.getOrDefault(field.key(), "").strip();
            switch (field.kind()) {
                case BOOLEAN -> sets.put(path, checked(raw));
                case SECRET -> {
                    if (checked(form.getOrDefault(field.key() + CLEAR_SUFFIX, ""))) {
                        removals.add(path);
                    } else if (!raw.isEmpty()) {
                        // a secret is kept as typed: spaces around a password are part of it
                        String typed = form.get(field.key());
                        textProblem(field, raw).ifPresentOrElse(p -> errors.put(path, p), () -> sets.put(path, typed));
                    }
                }
                case INTEGER -> {
                    if (raw.isEmpty() && field.optional()) {
                        removals.add(path);
                    } else {
                        Integer value = integer(raw);
                        if (value == null || value < field.min() || value > field.max()) {
                            errors.put(path, "Enter a whole number from " + field.min() + " to " + field.max() + ".");
                        } else {
                            sets.put(path, value);
                        }
                    }
                }
                case CHOICE -> {
                    if (field.options().contains(raw)) {
                        boolean numbers = field.options().stream().allMatch(o -> o.matches("\\d+"));
                        sets.put(path, numbers ? Integer.valueOf(raw) : raw);
                    } else {
                        errors.put(path, "Choose one of the listed values.");
                    }
                }
                case TEXT -> {
                    if (raw.isEmpty()) {
                        if (field.optional()) {
                            removals.add(path);
                        } else {
                            errors.put(path, "Enter a value.");
                        }
                    } else {
                        textProblem(field, raw).ifPresentOrElse(p -> errors.put(path, p), () -> sets.put(path, raw));
                    }
                }
            }
        }
        return new FormEdit(Map.copyOf(errors), sets, List.copyOf(removals));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void applyTo(ConfigDocument document) {
        sets.forEach(document::set);
        removals.forEach(document::remove);
    }

    private static Optional<String> textProblem(Field field, String raw) {
        if (raw.length() > 1_000) {
            return Optional.of("Use at most 1000 characters.");
        }
        if (field.pattern() != null && !field.pattern().matcher(raw).matches()) {
            return Optional.of(field.patternMessage());
        }
        return Optional.empty();
    }

    private static boolean checked(String raw) {
        return raw.equals("on") || raw.equals("true");
    }

    private static Integer integer(String raw) {
        if (!raw.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(raw);
    }
}
