package io.streampulse.shared.config;

/** The operator UI's session and login policy. */
public record WebSection(int sessionIdleMinutes, int sessionAbsoluteHours, boolean requireTotp, int maxPreviews) {

    static WebSection read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("session_idle_minutes", "session_absolute_hours", "require_totp",
                "max_previews"));
        return new WebSection(
                r.integer("session_idle_minutes", 30, 1, 10_080),
                r.integer("session_absolute_hours", 12, 1, 720),
                r.bool("require_totp", false),
                r.integer("max_previews", 4, 1, 64));
    }
}
