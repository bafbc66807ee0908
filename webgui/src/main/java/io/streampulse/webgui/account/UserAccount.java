package io.streampulse.webgui.account;

import java.time.Instant;
import java.util.List;

/**
 * One person who may sign in. The TOTP secret is stored encrypted (shared's SecretBox, the suite's key file);
 * recovery codes only as hashes, each usable once.
 *
 * @param totpSecret    the encrypted TOTP secret, "" when none was enrolled
 * @param totpEnabled   true once the user confirmed a code from the authenticator app
 * @param recoveryCodes hashes of the unused recovery codes
 */
public record UserAccount(String username, Role role, String passwordHash, String totpSecret, boolean totpEnabled,
                          List<String> recoveryCodes, boolean disabled, Instant createdAt) {

    public UserAccount {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    public static UserAccount create(String username, Role role, String passwordHash, Instant now) {
        return new UserAccount(username, role, passwordHash, "", false, List.of(), false, now);
    }

    public UserAccount withPasswordHash(String hash) {
        return new UserAccount(username, role, hash, totpSecret, totpEnabled, recoveryCodes, disabled, createdAt);
    }

    public UserAccount withRole(Role newRole) {
        return new UserAccount(username, newRole, passwordHash, totpSecret, totpEnabled, recoveryCodes, disabled,
                createdAt);
    }

    public UserAccount withDisabled(boolean off) {
        return new UserAccount(username, role, passwordHash, totpSecret, totpEnabled, recoveryCodes, off, createdAt);
    }

    public UserAccount withTotp(String secret, boolean enabled, List<String> codes) {
        return new UserAccount(username, role, passwordHash, secret, enabled, codes, disabled, createdAt);
    }
}
