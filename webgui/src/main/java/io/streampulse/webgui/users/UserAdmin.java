package io.streampulse.webgui.users;

import io.streampulse.webgui.account.CredentialRules;
import io.streampulse.webgui.account.PasswordHasher;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.account.UserAccount;
import io.streampulse.webgui.account.UserStore;
import io.streampulse.webgui.session.SessionStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What an admin does to other users: add, disable or enable, set a new password, change the role, reset TOTP.
 * Every change that takes something away ends that user's sessions at once. The last enabled admin can be neither
 * disabled nor demoted (nobody could administer the server any more); the changes are serialized here so two
 * admins demoting each other at the same moment cannot both succeed.
 */
@Singleton
public class UserAdmin {

    static final String TAKEN = "A user with this name exists already.";
    static final String LAST_ADMIN = "This is the last enabled admin: make another admin first.";
    private static final Logger LOG = LoggerFactory.getLogger(UserAdmin.class);

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final Clock clock;

    public UserAdmin(UserStore users, PasswordHasher hasher, SessionStore sessions) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.clock = Clock.systemUTC();
    }

    /** Problems by form field; empty when the user was added. */
    public Map<String, String> add(String admin, String username, String role, String password, String confirm) {
        Map<String, String> errors = new LinkedHashMap<>();
        CredentialRules.passwordProblem(password, confirm).ifPresent(p -> errors.put("password", p));
        Optional<Role> parsed = role(role);
        if (parsed.isEmpty()) {
            errors.put("role", "Choose admin or viewer.");
        }
        Optional<String> nameProblem = CredentialRules.usernameProblem(username);
        nameProblem.ifPresent(p -> errors.put("username", p));
        if (nameProblem.isEmpty() && users.find(username).isPresent()) {
            errors.put("username", TAKEN); // before hashing: a taken name costs no Argon2 run
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String hash = hasher.hash(password);
        if (!users.add(UserAccount.create(username, parsed.get(), hash, clock.instant()))) {
            return Map.of("username", TAKEN); // added by someone else meanwhile
        }
        LOG.info("admin '{}' added {} '{}'", admin, parsed.get().key(), username);
        return Map.of();
    }

    /** The problem, or empty when done. */
    public synchronized Optional<String> setRole(String admin, String username, String role) {
        Optional<Role> parsed = role(role);
        if (parsed.isEmpty()) {
            return Optional.of("Choose admin or viewer.");
        }
        return change(admin, username, "role " + parsed.get().key(), u -> u.withRole(parsed.get()),
                parsed.get() != Role.ADMIN);
    }

    public synchronized Optional<String> setDisabled(String admin, String username, boolean disabled) {
        return change(admin, username, disabled ? "disabled" : "enabled", u -> u.withDisabled(disabled), disabled);
    }

    public Optional<String> resetPassword(String admin, String username, String password, String confirm) {
        Optional<String> problem = CredentialRules.passwordProblem(password, confirm);
        if (problem.isPresent()) {
            return problem;
        }
        String hash = hasher.hash(password);
        synchronized (this) {
            return change(admin, username, "password reset", u -> u.withPasswordHash(hash), false);
        }
    }

    public synchronized Optional<String> resetTotp(String admin, String username) {
        return change(admin, username, "TOTP reset", u -> u.withTotp("", false, List.of()), false);
    }

    /**
     * True when this user is the only enabled admin, so that disabling or demoting them would leave nobody to
     * administer the server.
     */
    static boolean lastEnabledAdmin(List<UserAccount> all, String username) {
        List<UserAccount> admins = all.stream().filter(u -> u.role() == Role.ADMIN && !u.disabled()).toList();
        return admins.size() == 1 && admins.get(0).username().equalsIgnoreCase(username);
    }

    private Optional<String> change(String admin, String username, String what, UnaryOperator<UserAccount> edit,
                                    boolean removesAdmin) {
        Optional<UserAccount> user = users.find(username);
        if (user.isEmpty()) {
            return Optional.of("There is no user '" + username + "'.");
        }
        if (removesAdmin && lastEnabledAdmin(users.all(), username)) {
            return Optional.of(LAST_ADMIN);
        }
        users.update(edit.apply(user.get()));
        sessions.endAllOf(user.get().username());
        LOG.info("admin '{}' changed user '{}': {}; their sessions were ended", admin, username, what);
        return Optional.empty();
    }

    private static Optional<Role> role(String key) {
        try {
            return Optional.of(Role.of(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
