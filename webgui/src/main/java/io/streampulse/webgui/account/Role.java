package io.streampulse.webgui.account;

import java.util.Locale;

/** What a user may do: an admin changes things, a viewer only looks. */
public enum Role {
    ADMIN, VIEWER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but "admin" or "viewer" */
    public static Role of(String key) {
        return switch (key == null ? "" : key.trim().toLowerCase(Locale.ROOT)) {
            case "admin" -> ADMIN;
            case "viewer" -> VIEWER;
            default -> throw new IllegalArgumentException("role must be admin or viewer, not '" + key + "'");
        };
    }
}
