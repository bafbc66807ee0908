package io.streampulse.webgui.streams;

import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;

import java.util.List;

/** One configured stream as the list and the stream page show it (no secret in it; the URL masked). */
public record StreamRow(String id, String name, String url, boolean enabled, String check, int intervalSeconds,
                        String username, boolean hasPassword, List<String> tags) {

    static StreamRow of(StreamEntry s, SuiteConfig config) {
        return new StreamRow(s.id(), s.name(), UrlDisplay.masked(s.url()), s.enabled(),
                s.check() == StreamEntry.CheckKind.FRAME ? "frame" : "protocol",
                s.intervalSeconds().orElse(config.heartbeatSeconds()), s.username(), !s.password().isEmpty(), s.tags());
    }
}
