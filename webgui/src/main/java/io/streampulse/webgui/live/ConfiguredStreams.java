package io.streampulse.webgui.live;

import io.micronaut.context.annotation.Context;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stream deleted from the config leaves the dashboard when the config changes: the monitor stops checking it but
 * sends no removal event, so without this its row would stay until the monitor's event stream reconnects.
 */
@Context
public class ConfiguredStreams {

    public ConfiguredStreams(ConfigWatcher watcher, LiveBoard board) {
        watcher.subscribe(change -> board.retainStreams(ids(change.current().config())));
    }

    static Set<String> ids(SuiteConfig config) {
        return config.streams().stream().map(StreamEntry::id).collect(Collectors.toSet());
    }
}
