package io.streampulse.webgui.login;

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
import io.streampulse.webgui.account.CredentialRules;
import io.streampulse.webgui.account.PasswordHasher;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.account.SetupToken;
import io.streampulse.webgui.account.UserAccount;
import io.streampulse.webgui.account.UserStore;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.SessionStore;
import io.streampulse.webgui.session.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First start: no default password exists. While no user exists, this page creates the first admin, for whoever
 * shows the setup token from the server's log; afterwards it only points to the login page.
 */
@Controller("/setup")
public class SetupController {

    private static final Logger LOG = LoggerFactory.getLogger(SetupController.class);

    private final SetupToken token;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;

    public SetupController(SetupToken token, UserStore users, PasswordHasher hasher, SessionStore sessions) {
        this.token = token;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(@QueryValue(defaultValue = "") String token) {
        if (!this.token.pending()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        return HttpResponse.ok(page(Map.of("token", token), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                  @Body Map<String, String> form) {
        if (!token.pending()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        String username = form.getOrDefault("username", "").trim();
        String password = form.getOrDefault("password", "");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!token.matches(form.get("token"))) {
            errors.put("token", "This is not the setup token from the webgui log (or setup-token.txt).");
        }
        CredentialRules.usernameProblem(username).ifPresent(p -> errors.put("username", p));
        CredentialRules.passwordProblem(password, form.getOrDefault("confirm", ""))
                .ifPresent(p -> errors.put("password", p));
        Map<String, String> values = Map.of("token", form.getOrDefault("token", ""), "username", username);
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(values, errors));
        }
        UserAccount admin = UserAccount.create(username, Role.ADMIN, hasher.hash(password), Instant.now());
        if (!users.addFirst(admin)) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        token.consume();
        LOG.info("first admin '{}' created; the setup token is used up", username);
        WebSession signedIn = sessions.signIn(session, admin.username(), admin.role());
        return LoginController.redirect(request, signedIn, "/account");
    }

    private static ModelAndView<Map<String, Object>> page(Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        return new ModelAndView<>("setup", model);
    }
}
