package io.streampulse.webgui.account;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a username and a password must be; each check returns the message to show next to the field. */
public final class CredentialRules {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private CredentialRules() {
    }

    public static Optional<String> usernameProblem(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("Enter a username.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("Use 1 to 64 letters, digits, dots, dashes, underscores or @.");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password, String confirmation) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 1024) {
            return Optional.of("Use at most 1024 characters.");
        }
        if (!password.equals(confirmation)) {
            return Optional.of("The two passwords differ.");
        }
        return Optional.empty();
    }
}
