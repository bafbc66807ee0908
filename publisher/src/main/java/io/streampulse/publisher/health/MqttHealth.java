package io.streampulse.publisher.health;

import io.streampulse.publisher.PublisherRuntime;
import io.streampulse.publisher.connection.BrokerConnection;
import io.streampulse.publisher.connection.ConnectionStatus;
import io.streampulse.shared.health.HealthContributor;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The broker connection on /health: state, why it is not connected, the queue and publish figures. */
@Singleton
public class MqttHealth implements HealthContributor {

    private final PublisherRuntime runtime;

    public MqttHealth(PublisherRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public boolean healthy() {
        return runtime.connection().status().healthy();
    }

    @Override
    public Map<String, Object> details() {
        BrokerConnection connection = runtime.connection();
        ConnectionStatus status = connection.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        details.put("broker", status.broker());
        details.put("since", status.since().toString());
        if (!status.reason().isEmpty()) {
            details.put("error", status.reason());
        }
        if (status.state() == ConnectionStatus.State.RETRYING) {
            details.put("failed_attempts", status.failedAttempts());
            details.put("next_attempt", status.nextAttempt().toString());
        }
        details.put("queue_depth", connection.queueDepth());
        details.put("queue_dropped", connection.queueDropped());
        details.put("published", connection.stats().published());
        details.put("publish_errors", connection.stats().errors());
        long last = connection.stats().lastPublishMillis();
        details.put("last_publish", last == 0 ? "never" : Instant.ofEpochMilli(last).toString());
        return details;
    }
}
