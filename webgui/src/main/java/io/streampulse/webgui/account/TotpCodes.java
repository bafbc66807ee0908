package io.streampulse.webgui.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * TOTP codes (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits, what every authenticator app does by default), pure:
 * the time is an argument. A code is accepted for the current step and one step either side (clock drift, a code
 * typed as it rolls over), and only when its step is later than the last one this user spent, so a code seen over
 * someone's shoulder cannot be used again (RFC 6238 §5.2).
 */
public final class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** 160 bits, the HMAC-SHA1 block the RFC's reference secret uses */
    public static final int SECRET_BYTES = 20;
    private static final int WINDOW = 1;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private TotpCodes() {
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.getSeconds());
    }

    /** The code an authenticator app shows at this time. */
    public static String code(byte[] secret, Instant time) {
        return code(secret, time, DIGITS);
    }

    static String code(byte[] secret, Instant time, int digits) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, digits).generateOneTimePasswordString(key(secret), time);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable TOTP secret: " + e.getMessage(), e);
        }
    }

    /**
     * The step of the window that this code belongs to, when it matches within ±1 step of {@code now} and comes
     * after {@code lastUsedStep}; empty for a wrong, malformed, stale or replayed code.
     */
    public static OptionalLong match(byte[] secret, String typed, Instant now, long lastUsedStep) {
        String code = typed == null ? "" : typed.replace(" ", "").trim();
        if (!CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            String expected = code(secret, Instant.ofEpochSecond(step * STEP.getSeconds()));
            boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastUsedStep) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} address an authenticator app reads from the QR code. */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static Key key(byte[] secret) {
        return new SecretKeySpec(secret, "RAW");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
