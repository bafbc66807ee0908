package io.streampulse.monitor;

import io.micronaut.runtime.Micronaut;

/** The monitor process: checks camera streams, keeps heartbeat history, serves status, SLA and metrics. */
public final class MonitorApplication {

    private MonitorApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(MonitorApplication.class, args);
    }
}
