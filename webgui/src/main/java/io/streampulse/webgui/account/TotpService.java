package io.streampulse.webgui.account;

import io.streampulse.shared.config.SecretBox;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A user's second factor: enrolment (a secret, confirmed with a first code, then ten recovery codes), checking a
 * code or a recovery code at sign-in, and switching it off. The secret is stored as base32 encrypted with the
 * suite's key (shared SecretBox, AES-256-GCM), so a copy of webgui.db alone does not yield anyone's codes.
 */
@Singleton
public class TotpService {

    public static final String ISSUER = "StreamPulse";
    private static final Logger LOG = LoggerFactory.getLogger(TotpService.class);

    public enum Check {
        /** a fresh TOTP code */
        CODE,
        /** an unused recovery code, now spent */
        RECOVERY_CODE,
        WRONG
    }

    private final SecretBox box;
    private final UserStore users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TotpService(SecretBox box, UserStore users) {
        this(box, users, Clock.systemUTC());
    }

    TotpService(SecretBox box, UserStore users, Clock clock) {
        this.box = box;
        this.users = users;
        this.clock = clock;
    }

    /** The secret waiting for confirmation (base32), made and stored now when the user has none. */
    public String pendingSecret(String username) {
        UserAccount user = users.find(username).orElseThrow();
        if (user.totpEnabled()) {
            throw new IllegalStateException("TOTP is already on for " + username);
        }
        Optional<String> existing = decrypt(user);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = new byte[TotpCodes.SECRET_BYTES];
        random.nextBytes(secret);
        String base32 = Base32.encode(secret);
        users.update(user.withTotp(box.encrypt(base32), false, List.of()));
        return base32;
    }

    /** Confirms enrolment with a code from the app: the recovery codes to show once, or empty for a wrong code. */
    public Optional<List<String>> confirm(String username, String code) {
        UserAccount user = users.find(username).orElseThrow();
        Optional<String> secret = decrypt(user);
        if (user.totpEnabled() || secret.isEmpty() || !spendCode(user, secret.get(), code)) {
            return Optional.empty();
        }
        List<String> codes = RecoveryCodes.generate(random);
        users.update(user.withTotp(user.totpSecret(), true, codes.stream().map(RecoveryCodes::hash).toList()));
        LOG.info("user '{}' turned on TOTP", username);
        return Optional.of(codes);
    }

    /** The second step of signing in: a TOTP code, or one of the recovery codes (spent by this). */
    public Check check(UserAccount user, String typed) {
        Optional<String> secret = decrypt(user);
        if (!user.totpEnabled() || secret.isEmpty()) {
            return Check.WRONG;
        }
        if (RecoveryCodes.looksLikeOne(typed)) {
            OptionalInt index = RecoveryCodes.find(user.recoveryCodes(), typed);
            if (index.isPresent()
                    && users.spendRecoveryCode(user.username(), user.recoveryCodes().get(index.getAsInt()))) {
                LOG.info("user '{}' signed in with a recovery code ({} left)", user.username(),
                        user.recoveryCodes().size() - 1);
                return Check.RECOVERY_CODE;
            }
            return Check.WRONG;
        }
        return spendCode(user, secret.get(), typed) ? Check.CODE : Check.WRONG;
    }

    /** Off: secret and recovery codes gone; the next enrolment starts from a new secret. */
    public void turnOff(String username) {
        users.find(username).ifPresent(u -> users.update(u.withTotp("", false, List.of())));
    }

    private boolean spendCode(UserAccount user, String base32, String typed) {
        OptionalLong step = TotpCodes.match(Base32.decode(base32), typed, clock.instant(),
                users.lastTotpStep(user.username()));
        return step.isPresent() && users.claimTotpStep(user.username(), step.getAsLong());
    }

    private Optional<String> decrypt(UserAccount user) {
        if (user.totpSecret().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(box.decrypt(user.totpSecret()));
        } catch (SecretBox.SecretException | SecretBox.SecretUnavailableException e) {
            LOG.error("the TOTP secret of user '{}' cannot be decrypted ({}); an admin can reset their TOTP on /users",
                    user.username(), e.getMessage());
            return Optional.empty();
        }
    }
}
