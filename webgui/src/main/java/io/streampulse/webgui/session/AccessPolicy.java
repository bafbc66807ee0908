package io.streampulse.webgui.session;

import java.util.List;
import java.util.Set;

/**
 * Who may do what, decided from the method, the path and the session alone (pure; the filter applies it).
 * Everything is closed unless listed open here, so a new page is protected without anyone remembering to.
 */
public final class AccessPolicy {

    public enum Verdict {
        /** assets, health and metrics: no session at all */
        PUBLIC,
        /** go on to the controller */
        PASS,
        /** no user exists yet: everything leads to the setup page */
        SETUP_FIRST,
        /** sign in first */
        SIGN_IN,
        /** a viewer tried to change something */
        VIEWER_READ_ONLY,
        /** a page for admins only (users) */
        ADMIN_ONLY,
        /** web.require_totp: this user must enrol TOTP before anything else */
        ENROL_TOTP
    }

    private static final List<String> PUBLIC_PREFIXES = List.of("/static/", "/webjars/");
    private static final Set<String> PUBLIC_PATHS = Set.of("/health", "/metrics", "/favicon.ico");
    private static final Set<String> PRE_LOGIN_PATHS = Set.of("/login", "/login/totp", "/setup");
    /** what a viewer may still POST: signing out and their own account (password, TOTP) */
    private static final List<String> VIEWER_WRITABLE = List.of("/logout", "/account");
    /** pages only admins see at all */
    private static final List<String> ADMIN_PAGES = List.of("/users");
    /** all a user who must enrol TOTP first can reach */
    private static final List<String> ENROLMENT_PATHS = List.of("/account/totp", "/logout");

    private AccessPolicy() {
    }

    public static Verdict decide(String method, String path, WebSession session, boolean setupPending) {
        if (PUBLIC_PATHS.contains(path)
                || (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith) && !climbs(path))) {
            return Verdict.PUBLIC;
        }
        if (setupPending) {
            return path.equals("/setup") ? Verdict.PASS : Verdict.SETUP_FIRST;
        }
        if (PRE_LOGIN_PATHS.contains(path)) {
            return Verdict.PASS;
        }
        if (session.stage() == WebSession.Stage.TOTP_ENROLMENT) {
            return ENROLMENT_PATHS.stream().anyMatch(p -> under(path, p)) ? Verdict.PASS : Verdict.ENROL_TOTP;
        }
        if (!session.signedIn()) {
            return Verdict.SIGN_IN;
        }
        if (!session.admin() && ADMIN_PAGES.stream().anyMatch(p -> under(path, p))) {
            return Verdict.ADMIN_ONLY;
        }
        if (unsafe(method) && !session.admin() && VIEWER_WRITABLE.stream().noneMatch(p -> under(path, p))
                && !previewRelease(path)) {
            return Verdict.VIEWER_READ_ONLY;
        }
        return Verdict.PASS;
    }

    /** Methods that change state, which must carry the session's CSRF token. */
    public static boolean unsafe(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** A closing stream page gives its preview place back; viewers watch previews too. */
    private static boolean previewRelease(String path) {
        return path.startsWith("/streams/") && path.endsWith("/preview/release") && !climbs(path);
    }

    /** "/static/../settings" must not count as an asset, whatever the router later makes of it. */
    private static boolean climbs(String path) {
        return path.contains("..") || path.contains("%") || path.contains("\\") || path.contains("//");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
