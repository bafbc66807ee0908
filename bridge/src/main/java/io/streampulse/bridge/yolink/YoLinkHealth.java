package io.streampulse.bridge.yolink;

import io.streampulse.bridge.yolink.cloud.CloudStatus;
import io.streampulse.bridge.yolink.mqtt.MqttStatus;
import io.streampulse.shared.health.HealthContributor;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * YoLink on /health: the cloud (token, and in words why not, e.g. refused credentials), the MQTT session, and the
 * message counts. Not configured is not unhealthy; configured but not connected is.
 */
@Singleton
public class YoLinkHealth implements HealthContributor {

    private final YoLinkRuntime runtime;

    public YoLinkHealth(YoLinkRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "yolink";
    }

    @Override
    public boolean healthy() {
        return runtime.session().map(session -> session.cloudStatus().healthy()
                && session.mqttStatus().map(MqttStatus::healthy).orElse(false)).orElse(true);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<YoLinkSession> session = runtime.session();
        if (session.isEmpty()) {
            details.put("state", "NOT_CONFIGURED");
            return details;
        }
        CloudStatus cloud = session.get().cloudStatus();
        details.put("cloud", cloud.state().name());
        if (!cloud.error().isEmpty()) {
            details.put("error", cloud.error());
        }
        details.put("cloud_since", Instant.ofEpochMilli(cloud.sinceMillis()).toString());
        if (cloud.tokenExpiresAtMillis() > 0) {
            details.put("token_expires", Instant.ofEpochMilli(cloud.tokenExpiresAtMillis()).toString());
        }
        session.get().homeId().ifPresent(home -> details.put("home_id", home));
        Optional<MqttStatus> mqtt = session.get().mqttStatus();
        details.put("mqtt", mqtt.map(status -> status.state().name()).orElse("WAITING_FOR_HOME_ID"));
        mqtt.ifPresent(status -> {
            details.put("mqtt_broker", status.broker());
            if (!status.reason().isEmpty()) {
                details.put("mqtt_error", status.reason());
            }
            details.put("mqtt_connects", status.connects());
            details.put("mqtt_failed_attempts", status.failedAttempts());
        });
        long refreshed = session.get().lastRefreshMillis();
        details.put("device_list_read", refreshed == 0 ? "never" : Instant.ofEpochMilli(refreshed).toString());
        details.put("devices", runtime.feed().devices().size());
        details.put("messages", runtime.feed().received());
        details.put("malformed_messages", runtime.feed().malformed());
        return details;
    }
}
