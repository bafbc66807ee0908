package io.streampulse.bridge.chekt;

import java.util.regex.Pattern;

/**
 * What one attempt got from the CHEKT bridge, in words for the delivery log, and whether another attempt may help
 * (pure). A 2xx is an acknowledgement; a 5xx or no answer at all is worth retrying; a 4xx is the bridge telling us
 * the request itself is wrong (token, path, zone), which the same request again cannot fix.
 */
public record ChektAnswer(boolean acknowledged, boolean retryable, String text) {

    static final int BODY_CHARS = 120;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public static ChektAnswer ofResponse(int status, String body) {
        String answer = ("HTTP " + status + " " + shorten(body)).strip();
        if (status >= 200 && status < 300) {
            return new ChektAnswer(true, false, answer);
        }
        if (status == 401 || status == 403) {
            return new ChektAnswer(false, false, answer + ": the CHEKT bridge refused the API token"
                    + " (check receivers.chekt.api_token)");
        }
        if (status == 404 || status == 405) {
            return new ChektAnswer(false, false, answer + ": the CHEKT bridge has no such endpoint"
                    + " (check the path in receivers.chekt.url)");
        }
        if (status >= 400 && status < 500) {
            return new ChektAnswer(false, false, answer + ": the CHEKT bridge rejected the request");
        }
        return new ChektAnswer(false, true, answer);
    }

    /** No HTTP answer: refused, unreachable, timed out. */
    public static ChektAnswer noAnswer(String reason) {
        return new ChektAnswer(false, true, reason);
    }

    /** Runs of whitespace as one space; the usual short JSON answer has none and is kept as it is. */
    private static String oneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean followedBySpace = i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1));
            if (Character.isWhitespace(c) && (c != ' ' || followedBySpace)) {
                return WHITESPACE.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    /** One line of at most {@link #BODY_CHARS} characters. */
    static String shorten(String body) {
        String line = body == null ? "" : oneLine(body.strip());
        return line.length() <= BODY_CHARS ? line : line.substring(0, BODY_CHARS - 3) + "...";
    }
}
