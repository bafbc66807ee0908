package io.streampulse.webgui.streams;

import java.util.regex.Pattern;

/**
 * A stream URL as the UI may show it (pure): a password written inside the URL (StreamPulse 2.2 configs often
 * have {@code rtsp://user:pass@cam/...}) is replaced by {@code ***}, so it never reaches a browser.
 */
public final class UrlDisplay {

    static final String MASK = "***";
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/]*@");

    private UrlDisplay() {
    }

    public static String masked(String url) {
        return USERINFO_PASSWORD.matcher(url).replaceFirst("$1:" + MASK + "@");
    }

    /**
     * The URL to store: the submitted one, unless it is the masked form of the stored one (the user left the
     * field as shown), in which case the stored URL with its password is kept.
     */
    static String resolve(String submitted, String stored) {
        return stored != null && !stored.equals(masked(stored)) && submitted.equals(masked(stored)) ? stored : submitted;
    }
}
