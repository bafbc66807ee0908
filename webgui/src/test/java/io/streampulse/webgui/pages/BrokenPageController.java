package io.streampulse.webgui.pages;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** A page whose template fails while rendering (test sources only, and only when a test asks for it). */
@Controller("/test")
@Requires(property = "test.broken-page", value = "true")
class BrokenPageController {

    @Get(value = "/broken-page", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> broken() {
        return new ModelAndView<>("broken-page", Map.of());
    }
}
