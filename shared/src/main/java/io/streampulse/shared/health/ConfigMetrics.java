package io.streampulse.shared.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streampulse.shared.config.ConfigWatcher;
import jakarta.inject.Singleton;

/** The config watcher's figures, in every process's {@code /metrics}. */
@Singleton
public class ConfigMetrics implements MeterBinder {

    private final ConfigWatcher watcher;

    public ConfigMetrics(ConfigWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("streampulse.config.valid", watcher, w -> w.rejected().isEmpty() ? 1 : 0)
                .description("1 when the config file on disk is the one in force, 0 when it was rejected")
                .register(registry);
        FunctionCounter.builder("streampulse.config.applied", watcher, ConfigWatcher::appliedCount)
                .description("Config file versions applied since start")
                .register(registry);
        FunctionCounter.builder("streampulse.config.rejected", watcher, ConfigWatcher::rejectedCount)
                .description("Config file versions rejected since start")
                .register(registry);
    }
}
