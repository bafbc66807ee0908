package io.streampulse.webgui.sensors;

import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.webgui.settings.FormEdit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's mapping form read into edits of {@code devices.<id>} (pure): CHEKT zone, SIA zone, relay channel
 * (blank: not mapped), which receivers get its alarms, and the door-prop alarm with its timeout. Errors are keyed
 * by field name. Keys of the device the form does not show stay as they are.
 */
public final class MappingForm {

    /** What a device id must look like to be a config key: YoLink ids are hex; no dots or brackets (key paths). */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final int MAX_DOOR_PROP_SECONDS = 86_400;

    private MappingForm() {
    }

    public static FormEdit read(String deviceId, Map<String, String> form, int relayChannels) {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("not a device id: '" + deviceId + "'");
        }
        String base = "devices." + deviceId + ".";
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> sets = new LinkedHashMap<>();
        List<String> removals = new ArrayList<>();
        String name = value(form, "name");
        if (name.length() > 200) {
            errors.put("name", "Use at most 200 characters.");
        } else if (name.isEmpty()) {
            removals.add(base + "name");
        } else {
            sets.put(base + "name", name);
        }
        number(form, "chekt_zone", 1, 9_999, true, errors).ifPresentOrElse(
                n -> sets.put(base + "chekt_zone", n), () -> removals.add(base + "chekt_zone"));
        number(form, "sia_zone", 0, 9_999, true, errors).ifPresentOrElse(
                n -> sets.put(base + "sia_zone", n), () -> removals.add(base + "sia_zone"));
        number(form, "relay_channel", 1, relayChannels, true, errors).ifPresentOrElse(
                n -> sets.put(base + "relay_channel", n), () -> removals.add(base + "relay_channel"));
        if (checked(form, "door_prop")) {
            number(form, "door_prop_seconds", 1, MAX_DOOR_PROP_SECONDS, false, errors)
                    .ifPresent(n -> sets.put(base + "door_prop_seconds", n));
        } else {
            sets.put(base + "door_prop_seconds", 0);
        }
        List<String> receivers = DeviceMapping.RECEIVER_NAMES.stream()
                .filter(r -> checked(form, "receiver." + r)).toList();
        sets.put(base + "receivers", receivers);
        return new FormEdit(Map.copyOf(errors), sets, List.copyOf(removals));
    }

    /** Empty for a blank optional field (and for a bad one, which gets an error). */
    private static Optional<Integer> number(Map<String, String> form, String field, int min, int max,
                                            boolean optional, Map<String, String> errors) {
        String raw = value(form, field);
        if (raw.isEmpty() && optional) {
            return Optional.empty();
        }
        if (!raw.matches("\\d{1,9}") || Integer.parseInt(raw) < min || Integer.parseInt(raw) > max) {
            errors.put(field, optional ? "Enter a whole number from " + min + " to " + max + ", or leave it blank."
                    : "Enter a whole number from " + min + " to " + max + ".");
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(raw));
    }

    private static boolean checked(Map<String, String> form, String field) {
        String raw = value(form, field);
        return raw.equals("on") || raw.equals("true");
    }

    private static String value(Map<String, String> form, String field) {
        return form.getOrDefault(field, "").strip();
    }
}
