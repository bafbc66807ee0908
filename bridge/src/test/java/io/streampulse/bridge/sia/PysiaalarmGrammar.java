package io.streampulse.bridge.sia;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, independent reading of our frames: the regular expressions of pysiaalarm (Home Assistant's SIA
 * backend, {@code src/pysiaalarm/utils/regexes.py}, anchors.md §3.1) transcribed to Java, used the way it uses them
 * (match at the start of the stripped line; content matched after '[', decrypted content with its pad skipped).
 * What pysiaalarm would not parse, the fake receiver rejects.
 */
final class PysiaalarmGrammar {

    private static final Pattern MAIN = Pattern.compile(
            "(?<crc>[A-Fa-f0-9]{4})(?<length>[A-Fa-f0-9]{4})\"(?<encrypted>[*])?(?<type>SIA-DCS|ADM-CID|NULL)\""
                    + "(?<sequence>[0-9]{4})(?<receiver>R[A-Fa-f0-9]{1,6})?(?<line>L[A-Fa-f0-9]{1,6})"
                    + "[#]?(?<account>[A-Fa-f0-9]{3,16})?[\\[](?<rest>.*)");
    private static final String SIA_CONTENT = "[#]?(?<account>[A-Fa-f0-9]{3,16})?[|]?[N]?"
            + "(?:ti)?(?:(?<=ti)(?<ti>\\d{2}:\\d{2}))?/?(?:id)?(?:(?<=id)(?<id>\\d*))?/?"
            + "(?:ri)?(?:(?<=ri)(?<ri>\\d*))?/?(?<code>[a-zA-Z]{2})?(?<message>[ -~][^\\[\\]]*)?[\\]]"
            + "(?:\\[(?:(?<=\\[)(?<xdata>[ -~][^\\[\\]]*)(?=\\]))\\])?[_]?(?<timestamp>[0-9:,-]*)?$";
    private static final String ADM_CONTENT = "[#]?(?<account>[A-F0-9]{3,16})?[|]?(?<qualifier>\\d{1})"
            + "(?<event>\\d{3})\\s(?<partition>\\d{2})\\s(?<ri>\\d{3})[\\]]"
            + "(?:\\[(?:(?<=\\[)(?<xdata>[\\w\\s^]*)(?=\\]))\\])?[_]?(?<timestamp>[0-9:,-]*)?$";
    private static final String PAD = "(?:[^|\\[\\]]*)[|]?";
    // compiled once: a receiver reads every frame with one of them
    private static final Pattern SIA = Pattern.compile(SIA_CONTENT);
    private static final Pattern ADM = Pattern.compile(ADM_CONTENT);
    private static final Pattern SIA_PADDED = Pattern.compile(PAD + SIA_CONTENT);
    private static final Pattern ADM_PADDED = Pattern.compile(PAD + ADM_CONTENT);

    private PysiaalarmGrammar() {
    }

    /** Null when pysiaalarm would parse {@code frame}, else why not. */
    static String problem(String frame, SiaCipher cipher) {
        Matcher main = MAIN.matcher(frame.strip());
        if (!main.lookingAt()) {
            return "pysiaalarm's main regex does not match";
        }
        boolean encrypted = main.group("encrypted") != null;
        boolean contactId = main.group("type").equals("ADM-CID");
        String rest = encrypted ? cipher.decrypt(main.group("rest")) : main.group("rest");
        Pattern content = contactId ? (encrypted ? ADM_PADDED : ADM) : (encrypted ? SIA_PADDED : SIA);
        Matcher matcher = content.matcher(rest);
        if (!matcher.lookingAt()) {
            return "pysiaalarm's " + (contactId ? "ADM" : "SIA") + " content regex does not match '" + rest + "'";
        }
        if (main.group("type").equals("SIA-DCS") && matcher.group("code") == null) {
            return "pysiaalarm finds no event code in '" + rest + "'";
        }
        String timestamp = matcher.group("timestamp");
        if (timestamp == null || timestamp.length() != SiaTimestamp.LENGTH - 1) {
            return "pysiaalarm finds no timestamp in '" + rest + "'";
        }
        return null;
    }
}
