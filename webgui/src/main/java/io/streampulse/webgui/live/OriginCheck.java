package io.streampulse.webgui.live;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Locale;

/**
 * Cross-site WebSocket hijacking guard (pure): a browser sends the session cookie with a WebSocket opened by any
 * site, but always says which site in {@code Origin}. Only our own pages (Origin host:port equal to the Host the
 * browser asked for) may open the live feed; a missing or unreadable Origin is refused too.
 */
public final class OriginCheck {

    private OriginCheck() {
    }

    public static boolean sameOrigin(@Nullable String origin, @Nullable String host) {
        if (origin == null || host == null || origin.isBlank() || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return false;
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String originAuthority = uri.getHost() + ":" + (uri.getPort() == -1 ? defaultPort : uri.getPort());
        return originAuthority.equalsIgnoreCase(withPort(host.trim(), defaultPort));
    }

    private static String withPort(String host, int defaultPort) {
        boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
        return hasPort ? host : host + ":" + defaultPort;
    }
}
