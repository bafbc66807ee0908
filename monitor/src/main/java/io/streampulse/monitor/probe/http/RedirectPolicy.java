package io.streampulse.monitor.probe.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which redirects the HTTP check follows, and where it may send the stream's credentials (pure).
 * Why not the JDK's {@code Redirect.NORMAL}: it re-sends a request's Authorization header to whatever host a
 * redirect names (seen with JDK 17), so a camera, or anyone who controls its answer, could collect the password.
 * The rules here are NORMAL's (follow 301/302/303/307/308, never from https to http, at most
 * {@link #MAX_REDIRECTS}), plus: credentials only go to the origin the stream was configured with.
 */
public final class RedirectPolicy {

    public static final int MAX_REDIRECTS = 5;

    /** Where to go next, or why not: {@code refusal} is empty when {@code next} is present. */
    public record Decision(Optional<URI> next, Optional<String> refusal) {

        static Decision follow(URI next) {
            return new Decision(Optional.of(next), Optional.empty());
        }

        static Decision refuse(String why) {
            return new Decision(Optional.empty(), Optional.of(why));
        }
    }

    private RedirectPolicy() {
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * @param current    the URL that answered with a redirect
     * @param location   its Location header, possibly relative; null if missing
     * @param redirectsSoFar how many redirects were already followed in this check
     */
    public static Decision next(URI current, String location, int redirectsSoFar) {
        if (location == null || location.isBlank()) {
            return Decision.refuse("redirect without a Location");
        }
        if (redirectsSoFar >= MAX_REDIRECTS) {
            return Decision.refuse("more than " + MAX_REDIRECTS + " redirects");
        }
        URI next;
        try {
            next = current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return Decision.refuse("redirect to an invalid Location");
        }
        String scheme = Objects.requireNonNullElse(next.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Decision.refuse("redirect to a non-HTTP URL");
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && scheme.equals("http")) {
            return Decision.refuse("redirect from https to http refused");
        }
        return Decision.follow(next);
    }

    /** Same scheme, host and port (default ports filled in): the only place credentials are sent. */
    public static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
