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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out. A wrong username and a wrong password get the same answer in the same time (the password
 * hash is checked against a decoy for unknown users); a disabled user cannot sign in. Hashing runs off the event
 * loop.
 */
@Controller
public class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
    static final String WRONG = "Wrong username or password.";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;

    public LoginController(UserStore users, PasswordHasher hasher, SessionStore sessions) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
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
        Optional<UserAccount> user = users.find(username);
        boolean right = user.isPresent() ? hasher.verify(password, user.get().passwordHash()) : decoy(password);
        if (!right || user.get().disabled()) {
            LOG.info("sign-in refused for '{}' from {}{}", username, request.getRemoteAddress().getAddress()
                    .getHostAddress(), right ? " (disabled)" : "");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(page(next, username,
                    right ? "This account is disabled; ask an admin." : WRONG));
        }
        WebSession signedIn = sessions.signIn(session, user.get().username(), user.get().role());
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
