package io.streampulse.webgui.account;

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
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.SessionCookies;
import io.streampulse.webgui.session.SessionStore;
import io.streampulse.webgui.session.WebSession;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The signed-in user's own account: who they are, their role, and a password change (viewers too). */
@Controller("/account")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;

    public AccountController(UserStore users, PasswordHasher hasher, SessionStore sessions) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                                  @QueryValue(defaultValue = "") String changed) {
        return view(session, Map.of(), changed.equals("password")
                ? "Your password was changed; your other sessions were signed out." : null);
    }

    /** A new password signs the user out everywhere else; this browser gets a fresh session. */
    @Post(value = "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> changePassword(HttpRequest<?> request,
                                          @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                          @Body Map<String, String> form) {
        UserAccount user = users.find(session.username()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!hasher.verify(form.getOrDefault("current", ""), user.passwordHash())) {
            errors.put("current", "This is not your current password.");
        }
        String password = form.getOrDefault("password", "");
        CredentialRules.passwordProblem(password, form.getOrDefault("confirm", ""))
                .ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(session, errors, null));
        }
        users.update(user.withPasswordHash(hasher.hash(password)));
        sessions.endAllOf(user.username());
        WebSession fresh = sessions.signIn(session, user.username(), user.role());
        return HttpResponse.seeOther(URI.create("/account?changed=password"))
                .cookie(SessionCookies.of(fresh, request));
    }

    private ModelAndView<Map<String, Object>> view(WebSession session, Map<String, String> errors,
                                                   @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", users.find(session.username()).orElseThrow());
        model.put("errors", errors);
        model.put("notice", notice);
        return new ModelAndView<>("account", model);
    }
}
