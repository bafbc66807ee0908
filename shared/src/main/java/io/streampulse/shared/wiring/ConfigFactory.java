package io.streampulse.shared.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.ConfigWriter;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.shared.config.SecretKeyFile;
import io.streampulse.shared.config.SuitePaths;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The suite config as beans for every process. The watcher is a context bean, so a process loads its config
 * before it serves anything. Paths come from STREAMPULSE_CONFIG and STREAMPULSE_DATA, which Micronaut also sees
 * as the properties {@code streampulse.config} and {@code streampulse.data} (what tests set).
 */
@Factory
public class ConfigFactory {

    @Singleton
    SuitePaths suitePaths(@Value("${streampulse.config:}") String config,
                          @Value("${streampulse.data:}") String dataDir) {
        return SuitePaths.of(config, dataDir);
    }

    @Singleton
    SecretBox secretBox(SuitePaths paths) {
        return SecretKeyFile.loadOrCreate(paths.keyFile());
    }

    @Context
    @Bean(preDestroy = "close")
    ConfigWatcher configWatcher(SuitePaths paths, SecretBox secrets) {
        ConfigWatcher watcher = new ConfigWatcher(paths.config(), System.getenv(), secrets,
                ConfigWatcher.DEFAULT_POLL, ConfigWatcher.DEFAULT_DEBOUNCE, Clock.systemUTC());
        watcher.start();
        return watcher;
    }

    /** Only webgui (and tools) write the config; the other processes never ask for this bean. */
    @Singleton
    ConfigWriter configWriter(SuitePaths paths, SecretBox secrets) {
        return new ConfigWriter(paths.config(), System.getenv(), secrets);
    }
}
