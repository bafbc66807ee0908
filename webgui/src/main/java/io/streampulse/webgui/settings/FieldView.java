package io.streampulse.webgui.settings;

import java.util.List;

/**
 * One input as the template draws it (pure data). {@code value} is never a secret: for a secret it is empty and
 * {@code secretSaved} says whether one is stored.
 *
 * @param envNote "set by RTSP_PORT=8554" when the environment overrides the key (the input is then disabled)
 */
public record FieldView(String id, String name, String label, String kind, String value, List<String> options,
                        boolean secretSaved, String error, String envNote, String hint, Integer min, Integer max) {

    public boolean disabled() {
        return envNote != null;
    }

    public boolean checked() {
        return "true".equals(value);
    }

    public boolean invalid() {
        return error != null;
    }

    public String errorId() {
        return id + "-error";
    }
}
