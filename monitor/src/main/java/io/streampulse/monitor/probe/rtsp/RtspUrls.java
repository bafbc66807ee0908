package io.streampulse.monitor.probe.rtsp;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where to connect and what to put in the request line for an rtsp:// or rtsps:// URL (pure).
 * Why: the Python original sent {@code rtsp://user:pass@host/...} as the Request-URI, leaking the password to
 * every proxy and camera log; here userinfo never leaves this class except as separated credentials.
 */
public final class RtspUrls {

    /** RFC 2326 §3.2 / RFC 7826 §19.2. */
    public static final int DEFAULT_RTSP_PORT = 554;
    /** RFC 7826 §19.2; MediaMTX's default RTSPS port is 8322, cameras use 322. */
    public static final int DEFAULT_RTSPS_PORT = 322;

    /** Username and password taken out of a URL's userinfo (percent-decoded). */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    private RtspUrls() {
    }

    /** @throws IllegalArgumentException unless it is rtsp:// or rtsps:// with a host */
    public static void validate(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw new IllegalArgumentException("not an rtsp:// or rtsps:// URL (scheme '" + scheme + "')");
        }
        if (host(url).isEmpty()) {
            throw new IllegalArgumentException("no host in the URL");
        }
    }

    public static boolean isTls(URI url) {
        return "rtsps".equalsIgnoreCase(url.getScheme());
    }

    /** The host to connect to, without IPv6 brackets; "" if none. */
    public static String host(URI url) {
        String host = url.getHost();
        if (host == null) {
            // java.net.URI gives no host for names it dislikes (e.g. "cam_1"); read it from the authority
            String authority = hostAndPort(url);
            int colon = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.lastIndexOf(':');
            host = colon > 0 ? authority.substring(0, colon) : authority;
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        String authority = hostAndPort(url);
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']') && colon < authority.length() - 1) {
            try {
                return Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        return isTls(url) ? DEFAULT_RTSPS_PORT : DEFAULT_RTSP_PORT;
    }

    /** The Request-URI: the URL as configured minus userinfo and fragment ("rtsp://10.0.0.5:554/live?ch=1"). */
    public static String requestUri(URI url) {
        StringBuilder uri = new StringBuilder();
        uri.append(url.getScheme()).append("://").append(hostAndPort(url));
        uri.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (url.getRawQuery() != null) {
            uri.append('?').append(url.getRawQuery());
        }
        return uri.toString();
    }

    /** Credentials written into the URL as {@code user:pass@}, if any. */
    public static Optional<Credentials> userinfo(URI url) {
        String userInfo = url.getUserInfo();
        if (userInfo == null) {
            String authority = url.getRawAuthority();
            int at = authority == null ? -1 : authority.lastIndexOf('@');
            userInfo = at < 0 ? null : URI.create("x://" + authority.substring(0, at) + "@h").getUserInfo();
        }
        if (userInfo == null || userInfo.isEmpty()) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        return Optional.of(colon < 0 ? new Credentials(userInfo, "")
                : new Credentials(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
    }

    private static String hostAndPort(URI url) {
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        return authority.substring(authority.lastIndexOf('@') + 1);
    }
}
