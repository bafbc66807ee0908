package io.streampulse.streamer.onvif.soap;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsernameTokenCheckTest {

    /** The worked example of the ONVIF Application Programmer's Guide (§6.1.1.3). */
    static final String NONCE = "LKqI6G/AikKCQrN0zqZFlg==";
    static final String CREATED = "2010-09-16T07:50:45Z";
    static final String DIGEST = "tuOSpGlFlIXsozq4HFNeeGeFLEI=";
    static final Instant AT_CREATED = Instant.parse(CREATED);

    private final UsernameTokenCheck check = new UsernameTokenCheck("user", "userpassword");

    @Test
    void digest_matchesTheOnvifGuideVector() {
        assertArrayEquals(Base64.getDecoder().decode(DIGEST), check.digest(Base64.getDecoder().decode(NONCE),
                CREATED));
    }

    @Test
    void verify_acceptsTheGuideToken_withinTheWindow() {
        assertDoesNotThrow(() -> check.verify(token("user", DIGEST, NONCE, CREATED), AT_CREATED.plusSeconds(299)));
    }

    @Test
    void verify_replayedNonce_isRefused() throws SoapFault {
        check.verify(token("user", DIGEST, NONCE, CREATED), AT_CREATED);

        SoapFault fault = assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, NONCE, CREATED),
                AT_CREATED.plusSeconds(1)));

        assertTrue(fault.reason().contains("replayed"), fault.reason());
        assertTrue(fault.subcodes().contains("ter:NotAuthorized"));
    }

    @Test
    void verify_staleOrFutureCreated_isRefused() {
        SoapFault stale = assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, NONCE, CREATED),
                AT_CREATED.plusSeconds(301)));
        SoapFault future = assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, NONCE, CREATED),
                AT_CREATED.minusSeconds(301)));

        assertTrue(stale.reason().contains("GetSystemDateAndTime"), stale.reason());
        assertTrue(future.reason().contains("more than 5 minutes"), future.reason());
    }

    @Test
    void verify_wrongPasswordOrUser_isRefused() {
        UsernameTokenCheck other = new UsernameTokenCheck("user", "another");

        assertThrows(SoapFault.class, () -> other.verify(token("user", DIGEST, NONCE, CREATED), AT_CREATED));
        assertThrows(SoapFault.class, () -> check.verify(token("admin", DIGEST, NONCE, CREATED), AT_CREATED));
    }

    @Test
    void verify_malformedParts_areNotAuthorizedFaults() {
        assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, "", CREATED), AT_CREATED));
        assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, "%%%", CREATED), AT_CREATED));
        assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, NONCE, "yesterday"), AT_CREATED));
        assertThrows(SoapFault.class, () -> check.verify(token("user", DIGEST, NONCE, ""), AT_CREATED));
    }

    @Test
    void verify_passwordText_isComparedAsIs() {
        assertDoesNotThrow(() -> check.verify(new UsernameToken("user", "userpassword", false, "", ""),
                AT_CREATED));
        assertThrows(SoapFault.class, () -> check.verify(new UsernameToken("user", "nope", false, "", ""),
                AT_CREATED));
    }

    private static UsernameToken token(String user, String digest, String nonce, String created) {
        return new UsernameToken(user, digest, true, nonce, created);
    }
}
