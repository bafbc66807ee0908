package io.streampulse.webgui.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.streampulse.webgui.account.TotpService;
import io.streampulse.webgui.account.UserAccount;
import io.streampulse.webgui.account.UserStore;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.SessionStore;
import io.streampulse.webgui.session.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The second step of signing in, for users with TOTP: a code from the authenticator app or a recovery code.
 * Throttled like the password step (same user and address counts); only then a signed-in session (new id).
 */
@Controller("/login/totp")
public class TotpLoginController {

    private static final Logger LOG = LoggerFactory.getLogger(TotpLoginController.class);
    static final String WRONG = "Wrong or already used code.";

    private final UserStore users;
    private final TotpService totp;
    private final SessionStore sessions;
    private final LoginThrottle throttle;

    public TotpLoginController(UserStore users, TotpService totp, SessionStore sessions, LoginThrottle throttle) {
        this.users = users;
        this.totp = totp;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                @QueryValue(defaultValue = "") String next) {
        if (session.stage() != WebSession.Stage.AWAITING_TOTP) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        return HttpResponse.ok(page(next, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> check(HttpRequest<?> request, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                 @Body Map<String, String> form) {
        String next = form.getOrDefault("next", "");
        Optional<UserAccount> user = users.find(session.username());
        if (session.stage() != WebSession.Stage.AWAITING_TOTP || user.isEmpty() || user.get().disabled()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        String address = LoginController.clientAddress(request);
        Optional<Duration> wait = throttle.wait(session.username(), address);
        if (wait.isPresent()) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(page(next, LoginThrottle.message(wait.get())));
        }
        TotpService.Check result = totp.check(user.get(), form.getOrDefault("code", ""));
        if (result == TotpService.Check.WRONG) {
            throttle.failed(session.username(), address);
            LOG.info("TOTP step refused for '{}' from {}", session.username(), address);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(page(next, WRONG));
        }
        throttle.succeeded(session.username());
        WebSession signedIn = sessions.signIn(session, user.get().username(), user.get().role());
        LOG.info("user '{}' signed in with {}", signedIn.username(),
                result == TotpService.Check.CODE ? "a TOTP code" : "a recovery code");
        String target = result == TotpService.Check.CODE ? SafeRedirect.target(next) : "/account/totp?recovery=used";
        return LoginController.redirect(request, signedIn, target);
    }

    private static ModelAndView<Map<String, Object>> page(String next, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("error", error);
        return new ModelAndView<>("login-totp", model);
    }
}
