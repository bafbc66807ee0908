package io.streampulse.shared.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.streampulse.shared.config.AppliedConfig;
import io.streampulse.shared.config.ConfigProblem;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.RejectedConfig;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}, the same in every process: 200 while the process serves, with status DEGRADED (not a
 * failure code) when the config file was rejected or a contributor is unhealthy, so a container health check
 * does not restart a process that is running correctly on its last good config.
 */
@Controller("/health")
public class HealthController {

    private final String service;
    private final ConfigWatcher watcher;
    private final List<HealthContributor> contributors;

    public HealthController(@Value("${micronaut.application.name:streampulse}") String service,
                            ConfigWatcher watcher, List<HealthContributor> contributors) {
        this.service = service;
        this.watcher = watcher;
        this.contributors = contributors;
    }

    @Get
    public HealthReport health() {
        Map<String, HealthReport.Component> components = new LinkedHashMap<>();
        boolean healthy = watcher.rejected().isEmpty();
        for (HealthContributor contributor : contributors) {
            boolean ok = contributor.healthy();
            healthy &= ok;
            components.put(contributor.name(), new HealthReport.Component(ok ? HealthReport.UP : HealthReport.DEGRADED,
                    contributor.details()));
        }
        return new HealthReport(healthy ? HealthReport.UP : HealthReport.DEGRADED, service,
                ProcessHandle.current().pid(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                configState(), components);
    }

    private HealthReport.ConfigState configState() {
        AppliedConfig applied = watcher.current();
        RejectedConfig rejected = watcher.rejected().orElse(null);
        return new HealthReport.ConfigState(
                watcher.file().toString(),
                applied.hash(),
                applied.appliedAt().toString(),
                applied.warnings().stream().map(ConfigProblem::describe).toList(),
                rejected == null ? null : new HealthReport.Rejection(rejected.hash(), rejected.seenAt().toString(),
                        rejected.describe()));
    }
}
