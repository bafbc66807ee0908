package io.streampulse.webgui.pages;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a page whole before the answer starts. micronaut-views renders while Netty writes the body, and a
 * template that fails there leaves the request hanging with no answer at all (micronaut-views#832); rendered first,
 * a failure becomes an ordinary 500. It is also faster: one write of the finished page instead of thousands of
 * small writes through the response's character encoder.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class WholePageRenderer<T> extends ThymeleafViewsRenderer<T> {

    public WholePageRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                             ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter(16 * 1024);
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail: only the template can
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
