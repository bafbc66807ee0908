package io.streampulse.webgui.account;

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
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.SessionCookies;
import io.streampulse.webgui.session.SessionStore;
import io.streampulse.webgui.session.WebSession;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own two-factor sign-in: enrol (QR code and secret, confirmed with a first code; then the recovery
 * codes, shown once), or turn it off with the password (and enrol again). A user sent here by
 * {@code web.require_totp} is signed in properly once the first code is right.
 */
@Controller("/account/totp")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TotpController {

    private final TotpService totp;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final ConfigWatcher config;

    public TotpController(TotpService totp, UserStore users, PasswordHasher hasher, SessionStore sessions,
                          ConfigWatcher config) {
        this.totp = totp;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.config = config;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                                  @QueryValue(defaultValue = "") String recovery,
                                                  @QueryValue(defaultValue = "") String changed) {
        String notice = recovery.equals("used") ? recoveryNotice(session.username())
                : changed.equals("off") ? "Two-factor sign-in is off." : null;
        return view(session, Map.of(), notice, null);
    }

    /** The first code from the app proves the enrolment worked; the recovery codes are shown in this answer only. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> confirm(HttpRequest<?> request, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                   @Body Map<String, String> form) {
        Optional<List<String>> codes = totp.confirm(session.username(), form.getOrDefault("code", ""));
        if (codes.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(session,
                    Map.of("code", "That code is not right (or was used already); type the one the app shows now."),
                    null, null));
        }
        WebSession current = session;
        MutableHttpResponse<Object> response = HttpResponse.ok();
        if (session.stage() == WebSession.Stage.TOTP_ENROLMENT) {
            UserAccount user = users.find(session.username()).orElseThrow();
            current = sessions.signIn(session, user.username(), user.role());
            // the page rendered below must carry the new session's CSRF token
            request.setAttribute(AccessFilter.SESSION, current);
            response = HttpResponse.ok().cookie(SessionCookies.of(current, request));
        }
        return response.body(view(current, Map.of(),
                "Two-factor sign-in is on.", codes.get()));
    }

    /** Off (and back to enrolment): needs the password, so an unattended browser cannot remove the second factor. */
    @Post(value = "/off", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> turnOff(HttpRequest<?> request, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                   @Body Map<String, String> form) {
        UserAccount user = users.find(session.username()).orElseThrow();
        if (!user.totpEnabled()) {
            return HttpResponse.seeOther(URI.create("/account/totp"));
        }
        if (!hasher.verify(form.getOrDefault("password", ""), user.passwordHash())) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(session,
                    Map.of("password", "This is not your password."), null, null));
        }
        totp.turnOff(user.username());
        if (config.current().config().web().requireTotp()) {
            WebSession enrolling = sessions.awaitEnrolment(session, user.username());
            return HttpResponse.seeOther(URI.create("/account/totp")).cookie(SessionCookies.of(enrolling, request));
        }
        return HttpResponse.seeOther(URI.create("/account/totp?changed=off"));
    }

    private ModelAndView<Map<String, Object>> view(WebSession session, Map<String, String> errors,
                                                   @Nullable String notice, @Nullable List<String> recoveryCodes) {
        UserAccount user = users.find(session.username()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("account", user);
        model.put("errors", errors);
        model.put("notice", notice);
        model.put("recoveryCodes", recoveryCodes);
        model.put("required", session.stage() == WebSession.Stage.TOTP_ENROLMENT);
        if (!user.totpEnabled()) {
            String secret = totp.pendingSecret(user.username());
            model.put("secret", grouped(secret));
            model.put("qr", QrSvg.svg(TotpCodes.otpauthUri(TotpService.ISSUER, user.username(),
                    Base32.decode(secret)), "QR code to scan with your authenticator app"));
        }
        return new ModelAndView<>("account-totp", model);
    }

    private String recoveryNotice(String username) {
        int left = users.find(username).map(u -> u.recoveryCodes().size()).orElse(0);
        return "You signed in with a recovery code; " + left + " left. If your phone is lost, turn two-factor "
                + "sign-in off and enrol again.";
    }

    /** The secret in groups of four, easier to type into an app by hand. */
    static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }
}
