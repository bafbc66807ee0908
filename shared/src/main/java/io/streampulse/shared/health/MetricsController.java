package io.streampulse.shared.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /metrics} in the Prometheus text format, from the process's Micrometer registry. */
@Controller("/metrics")
public class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        return registry.scrape();
    }
}
