package io.streampulse.bridge.support;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.streampulse.bridge.BridgeRuntime;

/**
 * Stands in for the YoLink client in a bridge started as its own process: at start it hands the runtime
 * {@code count} reports of one door, alternately open and closed ({@code streampulse.test.scripted-reports=id:count}).
 */
@Context
@Requires(property = ScriptedReports.PROPERTY)
public class ScriptedReports {

    public static final String PROPERTY = "streampulse.test.scripted-reports";

    public ScriptedReports(BridgeRuntime runtime, @Value("${" + PROPERTY + "}") String script) {
        String[] parts = script.split(":");
        long start = System.currentTimeMillis();
        for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
            runtime.accept(Devices.door(parts[0], i % 2 == 0, start + i));
        }
    }
}
