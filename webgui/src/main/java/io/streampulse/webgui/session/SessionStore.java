package io.streampulse.webgui.session;

import io.micronaut.scheduling.annotation.Scheduled;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.WebSection;
import io.streampulse.webgui.account.Role;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a restart signs everyone out, which is the safe failure. Idle and absolute lifetimes come
 * from the {@code web} section of the config and apply as soon as it changes. Ids and CSRF tokens are 256-bit
 * random values.
 */
@Singleton
public class SessionStore {

    /** An unused login page or a half-done TOTP step does not hold memory for long. */
    static final Duration PRE_LOGIN_IDLE = Duration.ofMinutes(15);
    private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();

    private record Entry(WebSession session, Instant lastSeen) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ConfigWatcher config;
    private final Clock clock;

    public SessionStore(ConfigWatcher config) {
        this(config, Clock.systemUTC());
    }

    SessionStore(ConfigWatcher config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public WebSession anonymous() {
        return put(WebSession.Stage.ANONYMOUS, "", null);
    }

    /** The live session with this id (and marks it used), or empty when unknown or expired. */
    public Optional<WebSession> touch(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry, now)) {
            sessions.remove(id, entry);
            return Optional.empty();
        }
        sessions.replace(id, entry, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    /** The password was right and a TOTP code is due: a new session (new id) that is not signed in yet. */
    public WebSession awaitTotp(WebSession previous, String username) {
        end(previous.id());
        return put(WebSession.Stage.AWAITING_TOTP, username, null);
    }

    /**
     * The password was right but the user must enrol TOTP first ({@code web.require_totp}): a new session that
     * reaches only the enrolment page until {@link #signIn}.
     */
    public WebSession awaitEnrolment(WebSession previous, String username) {
        end(previous.id());
        return put(WebSession.Stage.TOTP_ENROLMENT, username, null);
    }

    /** Signed in: a new session with a new id and CSRF token replaces the one used to get here. */
    public WebSession signIn(WebSession previous, String username, Role role) {
        end(previous.id());
        return put(WebSession.Stage.SIGNED_IN, username, role);
    }

    public void end(String id) {
        sessions.remove(id);
    }

    /** Signs a user out everywhere (disabled, password reset, role changed). */
    public void endAllOf(String username) {
        sessions.values().removeIf(e -> e.session().username().equalsIgnoreCase(username));
    }

    public int size() {
        return sessions.size();
    }

    @Scheduled(fixedDelay = "1m")
    void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(e -> expired(e, now));
    }

    private WebSession put(WebSession.Stage stage, String username, Role role) {
        WebSession session = new WebSession(token(), token(), stage, username, role, clock.instant());
        sessions.put(session.id(), new Entry(session, session.createdAt()));
        return session;
    }

    private boolean expired(Entry entry, Instant now) {
        WebSection web = config.current().config().web();
        WebSession session = entry.session();
        Duration idle = session.signedIn() ? Duration.ofMinutes(web.sessionIdleMinutes()) : PRE_LOGIN_IDLE;
        return entry.lastSeen().plus(idle).isBefore(now)
                || session.createdAt().plus(Duration.ofHours(web.sessionAbsoluteHours())).isBefore(now);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKEN.encodeToString(bytes);
    }
}
