package io.streampulse.webgui.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.streampulse.shared.config.ConfigProblem;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /streams}: the configured streams, and their editor (add, edit, delete with a confirmation step). Every
 * save is validated field by field first, then written all or nothing through the shared config writer.
 * Viewers see the list; the access filter refuses their posts.
 */
@Controller("/streams")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StreamsController {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsController.class);

    private final ConfigWatcher config;
    private final StreamEditor editor;

    public StreamsController(ConfigWatcher config, StreamEditor editor) {
        this.config = config;
        this.editor = editor;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list(@QueryValue(defaultValue = "") String done) {
        SuiteConfig current = config.current().config();
        Map<String, Object> model = new HashMap<>();
        model.put("streams", current.streams().stream().map(s -> StreamRow.of(s, current)).toList());
        model.put("notice", switch (done) {
            case "added" -> "The stream was added.";
            case "saved" -> "The stream was saved.";
            case "deleted" -> "The stream was deleted.";
            default -> null;
        });
        return new ModelAndView<>("streams", model);
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> newForm(@RequestAttribute(AccessFilter.SESSION) WebSession session) {
        return session.admin() ? HttpResponse.ok(form(StreamForm.blank(), null, Map.of(), List.of())) : readOnly();
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> add(@Body Map<String, String> fields) throws IOException {
        StreamForm form = StreamForm.from(fields);
        Map<String, String> errors = StreamRules.check(form, config.current().config().streams(), null);
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(form(form.withoutPassword(), null, errors, List.of()));
        }
        StreamEditor.Outcome outcome = editor.add(form);
        if (!outcome.written()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(form(form.withoutPassword(), null, Map.of(),
                    outcome.problems()));
        }
        LOG.info("stream '{}' added ({})", form.name(), StreamRules.idFor(form, null));
        return HttpResponse.seeOther(URI.create("/streams/" + enc(StreamRules.idFor(form, null)) + "?done=added"));
    }

    @Get(value = "/{id}/edit", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> editForm(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                    @PathVariable String id) {
        if (!session.admin()) {
            return readOnly();
        }
        return stream(id).<HttpResponse<?>>map(s -> HttpResponse.ok(form(StreamForm.of(s), s, Map.of(), List.of())))
                .orElseGet(() -> notFound(id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> update(@PathVariable String id, @Body Map<String, String> fields) throws IOException {
        Optional<StreamEntry> found = stream(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        StreamEntry original = found.get();
        StreamForm submitted = StreamForm.from(fields);
        StreamForm form = submitted.with(original.id(), UrlDisplay.resolve(submitted.url(), original.url()));
        List<StreamEntry> others = config.current().config().streams().stream()
                .filter(s -> !s.id().equals(original.id())).toList();
        Map<String, String> errors = StreamRules.check(form, others, original);
        StreamForm shown = form.with(original.id(), UrlDisplay.masked(form.url())).withoutPassword();
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(form(shown, original, errors, List.of()));
        }
        StreamEditor.Outcome outcome = editor.update(original, form);
        if (outcome.gone()) {
            return notFound(id);
        }
        if (!outcome.written()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(form(shown, original, Map.of(), outcome.problems()));
        }
        LOG.info("stream '{}' ({}) saved", form.name(), id);
        return HttpResponse.seeOther(URI.create("/streams/" + enc(id) + "?done=saved"));
    }

    /** The confirmation step: a page that names the stream and asks again (no script needed). */
    @Get(value = "/{id}/delete", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> confirmDelete(@RequestAttribute(AccessFilter.SESSION) WebSession session,
                                         @PathVariable String id) {
        if (!session.admin()) {
            return readOnly();
        }
        return stream(id).<HttpResponse<?>>map(s -> HttpResponse.ok(new ModelAndView<>("stream-delete",
                Map.<String, Object>of("stream", StreamRow.of(s, config.current().config())))))
                .orElseGet(() -> notFound(id));
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> delete(@PathVariable String id, @Body Map<String, String> fields) throws IOException {
        if (!"yes".equals(fields.get("confirm"))) {
            return HttpResponse.seeOther(URI.create("/streams/" + enc(id) + "/delete"));
        }
        StreamEditor.Outcome outcome = editor.delete(id);
        if (outcome.gone()) {
            return notFound(id);
        }
        if (!outcome.written()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("stream-delete",
                    Map.<String, Object>of("stream", stream(id).map(s -> StreamRow.of(s, config.current().config()))
                            .orElseThrow(), "problems", outcome.problems())));
        }
        LOG.info("stream {} deleted", id);
        return HttpResponse.seeOther(URI.create("/streams?done=deleted"));
    }

    private Optional<StreamEntry> stream(String id) {
        return config.current().config().stream(id);
    }

    private ModelAndView<Map<String, Object>> form(StreamForm form, @Nullable StreamEntry original,
                                                   Map<String, String> errors, List<ConfigProblem> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("editing", original != null);
        model.put("hasPassword", original != null && !original.password().isEmpty());
        model.put("errors", errors);
        model.put("problems", problems.stream().filter(ConfigProblem::isError).map(ConfigProblem::describe).toList());
        return new ModelAndView<>("stream-form", model);
    }

    /** The editor's pages are for admins; viewers could not save them anyway (the access filter refuses). */
    private static HttpResponse<?> readOnly() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Viewers cannot change anything; ask an admin.");
    }

    static HttpResponse<?> notFound(String id) {
        return HttpResponse.notFound(new ModelAndView<>("stream-missing", Map.<String, Object>of("id", id)));
    }

    static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
