package io.streampulse.bridge.sia;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DC-09 frames (pure), messages and answers alike: checks LF/CR, the length field and the CRC, splits the
 * header, decrypts a '*' frame with the given cipher and strips its pad. Every rejection says what was wrong.
 * Extended data blocks ({@code [X...]}, {@code [M...]}) after the data are accepted and skipped.
 */
public final class SiaFrameDecoder {

    /**
     * R and L in either order (pysiaalarm's NAK puts L first); the account with '#', or with 'A' in the NAK form
     * some receivers send ("A0"). Reluctant R/L digits so "L0A0[" reads as line 0, account 0.
     */
    private static final Pattern HEADER = Pattern.compile(
            "\"(\\*?)([A-Z-]{3,7})\"(\\d{4})(?:R([0-9A-Fa-f]{1,6}?))?(?:L([0-9A-Fa-f]{1,6}?))?"
                    + "(?:R([0-9A-Fa-f]{1,6}?))?(?:[#A]([0-9A-Fa-f]{1,16}))?\\[(.*)", Pattern.DOTALL);
    private static final Pattern EXTENDED = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern HEX_4 = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final Pattern LENGTH = Pattern.compile("0[0-9A-Fa-f]{3}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]*");

    /** The frame and whether it arrived encrypted (an answer to it must be encrypted too). */
    public record Decoded(SiaFrame frame, boolean encrypted) {
    }

    private SiaFrameDecoder() {
    }

    /**
     * @param cipher the account's key, or null when none is configured
     * @throws SiaFrameException with the reason when the frame is malformed, fails its CRC or length, or is
     *                           encrypted without a usable key
     */
    public static Decoded decode(String frame, SiaCipher cipher) {
        if (!frame.startsWith("\n") || !frame.endsWith("\r") || frame.length() < 10) {
            throw new SiaFrameException("frame must be <LF>CRC LEN body<CR> (got " + printable(frame) + ")");
        }
        String crcField = frame.substring(1, 5);
        String lengthField = frame.substring(5, 9);
        String body = frame.substring(9, frame.length() - 1);
        if (!HEX_4.matcher(crcField).matches() || !LENGTH.matcher(lengthField).matches()) {
            throw new SiaFrameException("CRC '" + crcField + "' and length '" + lengthField
                    + "' must be 4 hex digits each, the length starting with 0");
        }
        if (Integer.parseInt(lengthField, 16) != body.length()) {
            throw new SiaFrameException("length field " + lengthField + " says " + Integer.parseInt(lengthField, 16)
                    + " characters but the body has " + body.length());
        }
        String crc = SiaCrc.hex(body);
        if (!crc.equalsIgnoreCase(crcField)) {
            throw new SiaFrameException("CRC " + crcField + " does not match the body's " + crc);
        }
        Matcher header = HEADER.matcher(body);
        if (!header.matches()) {
            throw new SiaFrameException("header of " + printable(body) + " is not \"id\"seq[Rr][Ll][#acct][");
        }
        String id = header.group(2);
        if (!SiaFrameEncoder.IDS.contains(id)) {
            throw new SiaFrameException("unknown id '" + id + "'");
        }
        boolean encrypted = !header.group(1).isEmpty();
        String content = encrypted ? decrypt(header.group(8), cipher) : header.group(8);
        int close = content.indexOf(']');
        if (close < 0) {
            throw new SiaFrameException("data has no closing ']'");
        }
        String data = content.substring(0, close);
        if (data.indexOf('[') >= 0) {
            throw new SiaFrameException("data '" + data + "' contains '['");
        }
        Instant timestamp = timestamp(EXTENDED.matcher(content.substring(close + 1)).replaceAll(""));
        String receiver = header.group(4) != null ? header.group(4) : header.group(6);
        return new Decoded(new SiaFrame(id, Integer.parseInt(header.group(3)), receiver, header.group(5),
                header.group(7), data, timestamp), encrypted);
    }

    private static String decrypt(String hex, SiaCipher cipher) {
        if (cipher == null) {
            throw new SiaFrameException("frame is encrypted but no key is configured");
        }
        String plain = cipher.decrypt(hex);
        if (!PRINTABLE.matcher(plain).matches()) {
            throw new SiaFrameException("decrypted text is not printable ASCII (wrong key?)");
        }
        int bar = plain.indexOf('|');
        int close = plain.indexOf(']');
        if (close < 0) {
            throw new SiaFrameException("decrypted text has no ']' (wrong key?)");
        }
        // The pad never contains '|' or ']': the data starts after the first '|', or is empty when ']' comes first.
        return bar >= 0 && bar < close ? plain.substring(bar + 1) : plain.substring(close);
    }

    private static Instant timestamp(String tail) {
        if (tail.isEmpty()) {
            return null;
        }
        if (tail.length() != SiaTimestamp.LENGTH) {
            throw new SiaFrameException("unexpected '" + tail + "' after the data (expected _HH:MM:SS,MM-DD-YYYY)");
        }
        return SiaTimestamp.parse(tail);
    }

    private static String printable(String text) {
        String shown = text.replace("\n", "<LF>").replace("\r", "<CR>");
        return "'" + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + "'";
    }
}
