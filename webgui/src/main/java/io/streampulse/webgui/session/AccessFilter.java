package io.streampulse.webgui.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.streampulse.webgui.account.SetupToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The one gate every request passes: finds (or starts) the browser's session, applies {@link AccessPolicy}, and
 * checks the CSRF token of every state-changing request, from the header or the form body, before any controller
 * runs. Controllers read the session from the request attribute {@link #SESSION}. Every answer gets the security
 * headers (a strict Content-Security-Policy: scripts and styles only from this server, so stored text can never
 * run as script).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter {

    public static final String SESSION = "streampulse.session";
    private static final String NEW_SESSION = "streampulse.session.new";
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    private static final WebSession NOBODY = new WebSession("", "", WebSession.Stage.ANONYMOUS, "", null, null);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final SessionStore sessions;
    private final SetupToken setup;

    public AccessFilter(SessionStore sessions, SetupToken setup) {
        this.sessions = sessions;
        this.setup = setup;
    }

    /** Runs off the event loop: a form's CSRF token is read from its body, which may still be arriving. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        String method = request.getMethodName();
        String path = request.getPath();
        Optional<WebSession> known = request.getCookies().findCookie(SessionCookies.NAME)
                .flatMap(c -> sessions.touch(c.getValue()));
        AccessPolicy.Verdict verdict = AccessPolicy.decide(method, path, known.orElse(NOBODY), setup.pending());
        if (verdict == AccessPolicy.Verdict.PUBLIC) {
            return null;
        }
        WebSession session = known.orElseGet(() -> {
            WebSession fresh = sessions.anonymous();
            request.setAttribute(NEW_SESSION, fresh);
            return fresh;
        });
        request.setAttribute(SESSION, session);
        switch (verdict) {
            case SETUP_FIRST:
                return deny(request, HttpStatus.FORBIDDEN, "No user exists yet: create the first admin on /setup.",
                        "/setup");
            case SIGN_IN:
                return deny(request, HttpStatus.UNAUTHORIZED, "Sign in first.", "/login?next="
                        + URLEncoder.encode(request.getUri().toString(), StandardCharsets.UTF_8));
            case VIEWER_READ_ONLY:
                LOG.info("refused {} {} by viewer {}", method, path, session.username());
                return deny(request, HttpStatus.FORBIDDEN, "Viewers cannot change anything; ask an admin.", null);
            case ADMIN_ONLY:
                LOG.info("refused {} {} to non-admin {}", method, path, session.username());
                return deny(request, HttpStatus.FORBIDDEN, "Only admins manage users.", null);
            case ENROL_TOTP:
                return deny(request, HttpStatus.FORBIDDEN,
                        "Set up two-factor sign-in (TOTP) first: it is required here.", "/account/totp");
            default:
                break;
        }
        if (!AccessPolicy.unsafe(method)) {
            return null;
        }
        if (CsrfTokens.matches(session, submittedToken(request))) {
            return null;
        }
        LOG.info("refused {} {}: missing or wrong CSRF token (user '{}')", method, path, session.username());
        return error(request, HttpStatus.FORBIDDEN,
                "This form has expired or did not come from this page (CSRF check). Reload the page and try again.");
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_SESSION, WebSession.class).ifPresent(fresh -> {
            boolean replaced = response.getCookies().contains(SessionCookies.NAME);
            if (!replaced) {
                response.cookie(SessionCookies.of(fresh, request));
            }
        });
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        if (!request.getPath().startsWith("/static/") && !request.getPath().startsWith("/webjars/")) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static @Nullable String submittedToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return header;
        }
        boolean form = request.getContentType()
                .map(t -> t.getName().equals(MediaType.APPLICATION_FORM_URLENCODED)).orElse(false);
        if (!form || !(request instanceof ServerHttpRequest<?> server)) {
            return null;
        }
        // a copy of the body: the controller still binds the form itself
        try (CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.SLOWEST);
             InputStream in = copy.toInputStream()) {
            return CsrfTokens.fromForm(new String(in.readAllBytes(), StandardCharsets.UTF_8)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static HttpResponse<?> deny(HttpRequest<?> request, HttpStatus status,
                                    String message, @Nullable String location) {
        if (location != null && browserNavigation(request)) {
            return HttpResponse.seeOther(URI.create(location));
        }
        return error(request, status, message);
    }

    private static MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String message) {
        if (browserNavigation(request) || request.getContentType()
                .map(t -> t.getName().equals(MediaType.APPLICATION_FORM_URLENCODED)).orElse(false)) {
            return HttpResponse.status(status).contentType(MediaType.TEXT_PLAIN_TYPE).body(message);
        }
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", message));
    }

    /** A person following a link or typing an address, as opposed to a script. */
    private static boolean browserNavigation(HttpRequest<?> request) {
        return request.getMethodName().equals("GET") && request.getHeaders().accept().stream()
                .anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }
}
