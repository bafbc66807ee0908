package io.streampulse.webgui.support;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.streampulse.webgui.settings.ProcessEnvironment;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * The process environment a test gives, as {@code spec.env=RTSP_PORT=9554,FRAME_RATE=5} (the JVM's own cannot be
 * set from a test).
 */
@Singleton
@Replaces(ProcessEnvironment.class)
@Requires(property = FixedEnvironment.PROPERTY)
public class FixedEnvironment extends ProcessEnvironment {

    public static final String PROPERTY = "spec.env";

    private final Map<String, String> variables = new HashMap<>();

    public FixedEnvironment(@Property(name = PROPERTY) String spec) {
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                variables.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    @Override
    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }
}
