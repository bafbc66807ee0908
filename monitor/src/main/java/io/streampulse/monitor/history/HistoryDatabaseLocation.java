package io.streampulse.monitor.history;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.streampulse.shared.config.SuitePaths;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the SQLite file named in {@code datasources.default.url} in STREAMPULSE_DATA when the name is relative
 * (an absolute path is taken as it is), and creates its directory, since SQLite creates files but not
 * directories. Runs before the pool opens its first connection.
 */
@Singleton
public class HistoryDatabaseLocation implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final String PREFIX = "jdbc:sqlite:";
    private final SuitePaths paths;

    public HistoryDatabaseLocation(SuitePaths paths) {
        this.paths = paths;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        if (url == null || !url.startsWith(PREFIX)) {
            return config;
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        Path file = Path.of(query < 0 ? rest : rest.substring(0, query));
        Path resolved = paths.dataDir().resolve(file);
        try {
            Files.createDirectories(resolved.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the history database " + resolved, e);
        }
        config.setUrl(PREFIX + resolved + (query < 0 ? "" : rest.substring(query)));
        return config;
    }
}
