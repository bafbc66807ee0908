package io.streampulse.publisher.health;

import io.streampulse.publisher.PublisherRuntime;
import io.streampulse.publisher.connection.ConnectionStatus;
import io.streampulse.shared.health.HealthContributor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** The monitor's event stream and the snapshot on /health; unhealthy only while MQTT is on and the feed is down. */
@Singleton
public class MonitorFeedHealth implements HealthContributor {

    private final PublisherRuntime runtime;

    public MonitorFeedHealth(PublisherRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "monitor_events";
    }

    @Override
    public boolean healthy() {
        return runtime.monitorEvents().connected()
                || runtime.connection().status().state() == ConnectionStatus.State.DISABLED;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", runtime.monitorEvents().eventsUri().toString());
        details.put("connected", runtime.monitorEvents().connected());
        if (!runtime.monitorEvents().lastError().isEmpty()) {
            details.put("error", runtime.monitorEvents().lastError());
        }
        details.put("streams", runtime.states().streamCount());
        if (!runtime.snapshot().lastProblem().isEmpty()) {
            details.put("snapshot_error", runtime.snapshot().lastProblem());
        }
        return details;
    }
}
