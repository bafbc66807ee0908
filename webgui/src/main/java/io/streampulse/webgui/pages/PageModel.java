package io.streampulse.webgui.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import io.streampulse.webgui.session.AccessFilter;
import io.streampulse.webgui.session.WebSession;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Gives every page the signed-in user ({@code me}) and the CSRF token its forms must carry ({@code csrf}). */
@Singleton
public class PageModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        request.getAttribute(AccessFilter.SESSION, WebSession.class).ifPresent(session -> {
            Map<String, Object> model = new HashMap<>(view.getModel().orElse(Map.of()));
            model.put("me", session);
            model.put("csrf", session.csrfToken());
            view.setModel(model);
        });
    }
}
