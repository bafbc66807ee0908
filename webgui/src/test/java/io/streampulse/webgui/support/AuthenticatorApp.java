package io.streampulse.webgui.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user's phone does: reads the key shown on the enrolment page and computes codes with java-otp, on its
 * own (its own base32 decoding), so a test does not check the server against itself.
 */
public final class AuthenticatorApp {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-7]{4}(?:-[a-z2-7]{4}){3})</code>");
    private final byte[] secret;

    public AuthenticatorApp(String shownKey) {
        this.secret = base32(shownKey.replace(" ", ""));
    }

    /** The app, set up from the key on an enrolment page's HTML. */
    public static AuthenticatorApp fromPage(String html) {
        Matcher m = SECRET.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no TOTP key on the page: " + html);
        }
        return new AuthenticatorApp(m.group(1));
    }

    /** The recovery codes a page shows. */
    public static List<String> recoveryCodes(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = RECOVERY.matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** The code now, or {@code steps} 30-second steps from now. */
    public String code(int steps) {
        try {
            return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(secret, "RAW"), Instant.now().plus(Duration.ofSeconds(30L * steps)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[s.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
