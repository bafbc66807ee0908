package io.streampulse.bridge.sia;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Builds DC-09 frames (pure): {@code <LF><CRC><0LLL>"<id>"<seq>R<rcvr>L<pref>#<acct>[<data>]_<timestamp><CR>}.
 * CRC and length cover the text from the opening quote through the timestamp. With a cipher the id gets a '*' and
 * everything after '[' is the hex ciphertext of {@code <pad>|<data>]<timestamp>} (DC-09 encrypts the timestamp).
 */
public final class SiaFrameEncoder {

    /** Compiled once: checked on every frame. */
    static final Pattern HEX_1_6 = Pattern.compile("[0-9A-Fa-f]{1,6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Fa-f]{3,16}");
    private static final Pattern DATA = Pattern.compile("[\\x20-\\x7E&&[^\\[\\]]]*");

    static final Set<String> IDS = Set.of(SiaFrame.SIA_DCS, SiaFrame.ADM_CID, SiaFrame.NULL, SiaFrame.ACK,
            SiaFrame.NAK, SiaFrame.DUH, SiaFrame.RSP);
    /** The length field is "0LLL": at most three significant hex digits. */
    static final int MAX_LENGTH = 0xFFF;

    private SiaFrameEncoder() {
    }

    /** A plain frame. @throws SiaFrameException when a field does not fit DC-09 */
    public static String encode(SiaFrame frame) {
        return wrap(header(frame, false) + "[" + frame.data() + "]" + timestamp(frame));
    }

    /** An encrypted frame; {@code random} supplies the pad characters. */
    public static String encode(SiaFrame frame, SiaCipher cipher, RandomGenerator random) {
        if (frame.timestamp() == null) {
            throw new SiaFrameException("an encrypted frame must carry a timestamp");
        }
        return wrap(header(frame, true) + "[" + cipher.encrypt("|" + frame.data() + "]" + timestamp(frame), random));
    }

    /** Adds LF, CRC, length and CR around a body that starts at the id's opening quote. */
    public static String wrap(String body) {
        if (body.length() > MAX_LENGTH) {
            throw new SiaFrameException("frame body of " + body.length() + " characters exceeds DC-09's 0FFF");
        }
        return "\n" + SiaCrc.hex(body) + SiaDigits.hex(body.length(), 4) + body + "\r";
    }

    public static byte[] bytes(String frame) {
        return frame.getBytes(StandardCharsets.US_ASCII);
    }

    private static String header(SiaFrame frame, boolean encrypted) {
        if (!IDS.contains(frame.id())) {
            throw new SiaFrameException("unknown id '" + frame.id() + "'");
        }
        if (frame.sequence() < 0 || frame.sequence() > 9999) {
            throw new SiaFrameException("sequence " + frame.sequence() + " is outside 0000-9999");
        }
        check("receiver", frame.receiver(), HEX_1_6);
        check("line", frame.line(), HEX_1_6);
        check("account", frame.account(), ACCOUNT);
        if (!DATA.matcher(frame.data()).matches()) {
            throw new SiaFrameException("data '" + frame.data() + "' must be printable ASCII without '[' or ']'");
        }
        return "\"" + (encrypted ? "*" : "") + frame.id() + "\"" + SiaDigits.decimal(frame.sequence(), 4)
                + (frame.receiver() == null ? "" : "R" + frame.receiver())
                + (frame.line() == null ? "" : "L" + frame.line())
                + (frame.account() == null ? "" : "#" + frame.account());
    }

    private static void check(String field, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new SiaFrameException(field + " '" + value + "' must match " + pattern);
        }
    }

    private static String timestamp(SiaFrame frame) {
        return frame.timestamp() == null ? "" : SiaTimestamp.format(frame.timestamp());
    }
}
