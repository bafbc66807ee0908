package io.streampulse.webgui.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.webgui.account.PasswordHasher;
import io.streampulse.webgui.account.UserAccount;
import io.streampulse.webgui.account.UserStore;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.SessionCookies;
import io.streampulse.webgui.session.SessionStore;
import io.streampulse.webgui.session.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out. A wrong username and a wrong password get the same answer in the same time (the password
 * hash is checked against a decoy for unknown users); a disabled user cannot sign in; {@link LoginThrottle} slows
 * guessing. After the password, a user with TOTP goes on to {@code /login/totp}, and one without it, when
 * {@code web.require_totp} is on, to the enrolment page. Hashing runs off the event loop.
 */
@Controller
public class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
    static final String WRONG = "Wrong username or password.";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final ConfigWatcher config;

    public LoginController(UserStore users, PasswordHasher hasher, SessionStore sessions, LoginThrottle throttle,
                           ConfigWatcher config) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                @QueryValue(defaultValue = "") String next) {
        if (session.signedIn()) {
            return HttpResponse.seeOther(URI.create(SafeRedirect.target(next)));
        }
        return HttpResponse.ok(page(next, "", null));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> signIn(HttpRequest<?> request, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                  @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "").trim();
        String password = form.getOrDefault("password", "");
        String next = form.getOrDefault("next", "");
        String address = clientAddress(request);
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            LOG.info("sign-in of '{}' from {} throttled for {} s", username, address, wait.get().toSeconds());
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(page(next, username, LoginThrottle.message(wait.get())));
        }
        Optional<UserAccount> user = users.find(username);
        boolean right = user.isPresent() ? hasher.verify(password, user.get().passwordHash()) : decoy(password);
        if (!right || user.get().disabled()) {
            if (!right) {
                throttle.failed(username, address);
            }
            LOG.info("sign-in refused for '{}' from {}{}", username, address, right ? " (disabled)" : "");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(page(next, username,
                    right ? "This account is disabled; ask an admin." : WRONG));
        }
        UserAccount account = user.get();
        if (account.totpEnabled()) {
            // the failure count stays until the code is right too, so a known password does not reset it
            WebSession pending = sessions.awaitTotp(session, account.username());
            return redirect(request, pending, "/login/totp?next="
                    + URLEncoder.encode(SafeRedirect.target(next), StandardCharsets.UTF_8));
        }
        throttle.succeeded(account.username());
        if (config.current().config().web().requireTotp()) {
            LOG.info("user '{}' must enrol TOTP before anything else (web.require_totp)", account.username());
            return redirect(request, sessions.awaitEnrolment(session, account.username()), "/account/totp");
        }
        WebSession signedIn = sessions.signIn(session, account.username(), account.role());
        LOG.info("user '{}' signed in", signedIn.username());
        return redirect(request, signedIn, SafeRedirect.target(next));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> signOut(HttpRequest<?> request,
                                   @RequestAttribute(AccessFilter.SESSION) WebSession session) {
        sessions.end(session.id());
        return HttpResponse.seeOther(URI.create("/login")).cookie(SessionCookies.cleared(request));
    }

    static MutableHttpResponse<?> redirect(HttpRequest<?> request, WebSession session, String target) {
        return HttpResponse.seeOther(URI.create(target)).cookie(SessionCookies.of(session, request));
    }

    /** The peer's address: behind a reverse proxy that is the proxy (X-Forwarded-For is not trusted). */
    static String clientAddress(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    private boolean decoy(String password) {
        hasher.verifyDecoy(password);
        return false;
    }

    private static ModelAndView<Map<String, Object>> page(String next, String username, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("username", username);
        model.put("error", error);
        return new ModelAndView<>("login", model);
    }
}
