package io.streampulse.webgui.session;

import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.webgui.account.Role;
import io.streampulse.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idle and absolute lifetimes, from the config's web section, on a clock the test moves. */
class SessionStoreTest {

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));

    private SessionStore store(String web) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, web);
        ConfigWatcher config = new ConfigWatcher(file, Map.of(), SecretBox.unavailable("not needed"),
                ConfigWatcher.DEFAULT_POLL, ConfigWatcher.DEFAULT_DEBOUNCE, clock);
        config.checkNow();
        return new SessionStore(config, clock);
    }

    @Test
    void anIdleSession_endsAfterTheConfiguredIdleMinutes_aUsedOneLivesOn() throws Exception {
        SessionStore store = store("web:\n  session_idle_minutes: 20\n");
        WebSession used = store.signIn(store.anonymous(), "ann", Role.ADMIN);
        WebSession idle = store.signIn(store.anonymous(), "bob", Role.VIEWER);

        clock.advance(Duration.ofMinutes(19));
        assertTrue(store.touch(used.id()).isPresent());
        clock.advance(Duration.ofMinutes(2));
        assertTrue(store.touch(idle.id()).isEmpty(), "untouched for 21 min (the default would be 30)");
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertTrue(store.touch(used.id()).isPresent(), "used every 15 min, " + (i + 1));
        }
    }

    @Test
    void evenABusySession_endsAtTheAbsoluteLifetime() throws Exception {
        SessionStore store = store("web:\n  session_idle_minutes: 30\n  session_absolute_hours: 2\n");
        WebSession session = store.signIn(store.anonymous(), "ann", Role.ADMIN);

        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertTrue(store.touch(session.id()).isPresent(), "at " + (i + 1) * 10 + " min");
        }
        clock.advance(Duration.ofMinutes(11));
        assertTrue(store.touch(session.id()).isEmpty(), "2 h 1 min after sign-in");
    }

    @Test
    void aHalfDoneSignIn_lastsOnly15IdleMinutes() throws Exception {
        SessionStore store = store("web:\n  session_idle_minutes: 600\n");
        WebSession totp = store.awaitTotp(store.anonymous(), "ann");

        clock.advance(SessionStore.PRE_LOGIN_IDLE.plusSeconds(1));
        assertTrue(store.touch(totp.id()).isEmpty());
    }

    @Test
    void signingIn_replacesTheSession_andEndAllOfSignsAUserOutEverywhere() throws Exception {
        SessionStore store = store("streams: []\n");
        WebSession anonymous = store.anonymous();
        WebSession first = store.signIn(anonymous, "ann", Role.ADMIN);
        WebSession second = store.signIn(store.anonymous(), "ANN", Role.ADMIN);
        WebSession other = store.signIn(store.anonymous(), "bob", Role.VIEWER);

        assertNotEquals(anonymous.id(), first.id());
        assertTrue(store.touch(anonymous.id()).isEmpty(), "the old id is dead (no fixation)");
        store.endAllOf("ann");
        assertTrue(store.touch(first.id()).isEmpty());
        assertTrue(store.touch(second.id()).isEmpty());
        assertEquals("bob", store.touch(other.id()).orElseThrow().username());
    }

    @Test
    void theSweep_dropsExpiredSessions() throws Exception {
        SessionStore store = store("streams: []\n");
        store.signIn(store.anonymous(), "ann", Role.ADMIN);
        clock.advance(Duration.ofHours(13));
        store.sweep();
        assertEquals(0, store.size());
    }
}
