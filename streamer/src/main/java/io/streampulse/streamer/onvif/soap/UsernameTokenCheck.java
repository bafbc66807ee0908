package io.streampulse.streamer.onvif.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks WS-Security UsernameTokens (OASIS UsernameToken Profile 1.0, as ONVIF Core §5.9.4 uses it):
 * PasswordDigest = Base64(SHA-1(nonce bytes + Created + password)), Created within {@link #WINDOW} of now, and a
 * nonce accepted only once within that window (a captured request cannot be replayed). PasswordText is accepted
 * too (some NVRs send it). Time is passed in, so it is pure apart from the nonce memory.
 */
public final class UsernameTokenCheck {

    /** How far Created may be from our clock, either way (clients correct for our time via GetSystemDateAndTime). */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int REMEMBERED_NONCES = 4_096;

    private final String username;
    private final byte[] password;
    /** nonce → when it stops mattering (Created + window); oldest first. */
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    public UsernameTokenCheck(String username, String password) {
        this.username = username;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws SoapFault ter:NotAuthorized saying what was wrong */
    public void verify(UsernameToken token, Instant now) throws SoapFault {
        if (!MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                token.username().getBytes(StandardCharsets.UTF_8))) {
            throw SoapFault.notAuthorized("unknown user or wrong password");
        }
        if (!token.digest()) {
            if (!MessageDigest.isEqual(password, token.password().getBytes(StandardCharsets.UTF_8))) {
                throw SoapFault.notAuthorized("unknown user or wrong password");
            }
            return;
        }
        Instant created = created(token.created());
        if (Duration.between(created, now).abs().compareTo(WINDOW) > 0) {
            throw SoapFault.notAuthorized("Created " + token.created() + " is more than " + WINDOW.toMinutes()
                    + " minutes from the device's time " + now + " (call GetSystemDateAndTime to correct)");
        }
        byte[] nonce = nonce(token.nonce());
        if (!MessageDigest.isEqual(digest(nonce, token.created()), decode(token.password(), "Password"))) {
            throw SoapFault.notAuthorized("unknown user or wrong password");
        }
        remember(token.nonce(), created.plus(WINDOW), now);
    }

    private synchronized void remember(String nonce, Instant expires, Instant now) throws SoapFault {
        seen.values().removeIf(until -> until.isBefore(now));
        if (seen.containsKey(nonce)) {
            throw SoapFault.notAuthorized("the nonce was used before (replayed request)");
        }
        if (seen.size() >= REMEMBERED_NONCES) {
            seen.remove(seen.keySet().iterator().next());
        }
        seen.put(nonce, expires);
    }

    /** Base64(SHA-1(nonce + created + password)), the PasswordDigest a client computes. */
    public byte[] digest(byte[] nonce, String created) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password);
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-1", e);
        }
    }

    private static Instant created(String text) throws SoapFault {
        if (text.isEmpty()) {
            throw SoapFault.notAuthorized("a PasswordDigest needs Created");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw SoapFault.notAuthorized("Created '" + text + "' is not an xsd:dateTime in UTC");
        }
    }

    private static byte[] nonce(String text) throws SoapFault {
        if (text.isEmpty()) {
            throw SoapFault.notAuthorized("a PasswordDigest needs a Nonce");
        }
        return decode(text, "Nonce");
    }

    private static byte[] decode(String base64, String what) throws SoapFault {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw SoapFault.notAuthorized(what + " is not Base64");
        }
    }
}
