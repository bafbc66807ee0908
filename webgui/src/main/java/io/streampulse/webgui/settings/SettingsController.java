package io.streampulse.webgui.settings;

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
import io.streampulse.webgui.session.WebSession;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /settings}: one page, one form per section (MQTT, time zone, YoLink, CHEKT, SIA, Modbus, streamer), each
 * saved on its own with {@code POST /settings/<section>}: the whole form is checked first, then written in one
 * atomic, validated step, or nothing is written and the errors stand next to their fields.
 */
@Controller("/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SettingsController {

    private final ConfigSnapshot snapshot;
    private final ConfigSaver saver;
    private final ProcessEnvironment env;

    public SettingsController(ConfigSnapshot snapshot, ConfigSaver saver, ProcessEnvironment env) {
        this.snapshot = snapshot;
        this.saver = saver;
        this.env = env;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@QueryValue(defaultValue = "") String saved) {
        String notice = SettingsCatalog.section(saved).map(s -> s.title() + " saved.").orElse(null);
        return view(null, Map.of(), Map.of(), null, notice);
    }

    @Post(value = "/{slug}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> save(String slug, @RequestAttribute(AccessFilter.SESSION) WebSession session,
                                @Body Map<String, String> form) {
        SettingsSection section = SettingsCatalog.section(slug).orElse(null);
        if (section == null) {
            return HttpResponse.notFound("no settings section '" + slug + "'");
        }
        Set<String> overridden = env.setAmong(section.fields().stream().map(Field::envName)
                .filter(n -> n != null).toList());
        FormEdit edit = FormEdit.read(section, form, overridden);
        if (!edit.valid()) {
            return refused(slug, form, edit.errors(), "Nothing was saved: fix the marked fields.");
        }
        ConfigSaver.Outcome outcome = saver.save("settings " + slug, session.username(), edit::applyTo,
                path -> section.fieldAt(path).map(f -> path).orElse(null));
        if (!outcome.written()) {
            return refused(slug, form, outcome.errors(), outcome.failure() != null ? outcome.failure()
                    : "Nothing was saved: fix the marked fields.");
        }
        return HttpResponse.seeOther(URI.create("/settings?saved=" + slug + "#" + slug));
    }

    private HttpResponse<?> refused(String slug, Map<String, String> form, Map<String, String> errors,
                                    String failure) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(slug, form, errors, failure, null));
    }

    private ModelAndView<Map<String, Object>> view(String refused, Map<String, String> typed,
                                                   Map<String, String> errors, String failure, String notice) {
        ConfigSnapshot.Snapshot current = snapshot.read();
        List<SettingsPage.SectionView> sections = SettingsPage.sections(current.config(), current.onvifPortInFile(),
                env.variables(), refused, typed, errors, failure);
        Map<String, Object> model = new HashMap<>();
        model.put("sections", sections);
        model.put("fileProblems", current.problems());
        model.put("notice", notice);
        model.put("errors", errors);
        return new ModelAndView<>("settings", model);
    }
}
