package io.streampulse.webgui.settings;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The environment the suite's processes share: the streamer's overrides (RTSP_PORT, ...) are set for the whole
 * container, so the web UI sees the same values the streamer applies. A bean, so tests can give their own.
 */
@Singleton
public class ProcessEnvironment {

    public Map<String, String> variables() {
        return System.getenv();
    }

    /** The names among {@code names} that are set to something (a blank variable overrides nothing). */
    public Set<String> setAmong(java.util.Collection<String> names) {
        Map<String, String> env = variables();
        return names.stream().filter(n -> env.get(n) != null && !env.get(n).isBlank()).collect(Collectors.toSet());
    }
}
