package io.streampulse.webgui.session;

import io.streampulse.webgui.account.Role;

import java.time.Instant;

/**
 * A browser's session. Every visitor gets one (anonymous until sign-in) so the login and setup forms carry a
 * CSRF token too. Signing in, and every step of it, makes a new session with a new id (no fixation).
 *
 * @param username the signed-in user, or the user who passed the password step; "" when anonymous
 * @param role     null unless signed in
 */
public record WebSession(String id, String csrfToken, Stage stage, String username, Role role, Instant createdAt) {

    public enum Stage {
        ANONYMOUS,
        /** the password was right; the TOTP code is still to come */
        AWAITING_TOTP,
        /** the password was right, but web.require_totp is on and the user has no TOTP yet: enrol, nothing else */
        TOTP_ENROLMENT,
        SIGNED_IN
    }

    public boolean signedIn() {
        return stage == Stage.SIGNED_IN;
    }

    public boolean admin() {
        return signedIn() && role == Role.ADMIN;
    }
}
