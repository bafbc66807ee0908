package io.streampulse.webgui.login;

/** Where to go after signing in: only a path on this server, never another site (no open redirect). */
final class SafeRedirect {

    private SafeRedirect() {
    }

    static String target(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.startsWith("/setup") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
