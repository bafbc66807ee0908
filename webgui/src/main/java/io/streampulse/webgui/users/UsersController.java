package io.streampulse.webgui.users;

import io.micronaut.core.annotation.Nullable;
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
import io.streampulse.webgui.account.UserStore;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.WebSession;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The users page, for admins only (the access policy refuses everyone else before this runs). Each action is a
 * small form naming the user in a field; a success redirects back with a fixed notice, a refusal shows the page
 * again with the reason.
 */
@Controller("/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsersController {

    private static final Map<String, String> NOTICES = Map.of(
            "added", "User added.",
            "role", "Role changed; their sessions were ended.",
            "disabled", "User disabled; their sessions were ended.",
            "enabled", "User enabled.",
            "password", "Password set; their sessions were ended.",
            "totp", "Two-factor sign-in reset; they set it up again at their next sign-in.");

    private final UserStore users;
    private final UserAdmin admin;

    public UsersController(UserStore users, UserAdmin admin) {
        this.users = users;
        this.admin = admin;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@QueryValue(defaultValue = "") String done,
                                                  @QueryValue(defaultValue = "") String user) {
        String notice = NOTICES.containsKey(done) ? user + ": " + NOTICES.get(done) : null;
        return view(Map.of(), Map.of(), notice, null);
    }

    @Post(value = "/add", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> add(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                               @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "").trim();
        Map<String, String> errors = admin.add(session.username(), username, form.getOrDefault("role", ""),
                form.getOrDefault("password", ""), form.getOrDefault("confirm", ""));
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(errors,
                    Map.of("username", username, "role", form.getOrDefault("role", "viewer")), null, null));
        }
        return done("added", username);
    }

    @Post(value = "/role", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> role(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        return outcome(admin.setRole(session.username(), username, form.getOrDefault("role", "")), "role", username);
    }

    @Post(value = "/disable", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> disable(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                   @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        return outcome(admin.setDisabled(session.username(), username, true), "disabled", username);
    }

    @Post(value = "/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> enable(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                  @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        return outcome(admin.setDisabled(session.username(), username, false), "enabled", username);
    }

    @Post(value = "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> password(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                    @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        return outcome(admin.resetPassword(session.username(), username, form.getOrDefault("password", ""),
                form.getOrDefault("confirm", "")), "password", username);
    }

    @Post(value = "/totp-reset", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> resetTotp(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                     @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        return outcome(admin.resetTotp(session.username(), username), "totp", username);
    }

    private HttpResponse<?> outcome(Optional<String> problem, String done, String username) {
        if (problem.isPresent()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(view(Map.of(), Map.of(), null, username + ": " + problem.get()));
        }
        return done(done, username);
    }

    private static HttpResponse<?> done(String what, String username) {
        return HttpResponse.seeOther(URI.create("/users?done=" + what + "&user="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)));
    }

    private ModelAndView<Map<String, Object>> view(Map<String, String> errors, Map<String, String> values,
                                                   @Nullable String notice, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", users.all());
        model.put("errors", errors);
        model.put("values", values);
        model.put("notice", notice);
        model.put("error", error);
        return new ModelAndView<>("users", model);
    }
}
