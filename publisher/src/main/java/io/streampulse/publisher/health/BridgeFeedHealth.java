package io.streampulse.publisher.health;

import io.streampulse.publisher.PublisherRuntime;
import io.streampulse.publisher.connection.ConnectionStatus;
import io.streampulse.shared.health.HealthContributor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bridge's device event stream on /health; unhealthy only while MQTT is on, YoLink is configured (else the
 * bridge has no devices and is not followed) and the feed is down.
 */
@Singleton
public class BridgeFeedHealth implements HealthContributor {

    private final PublisherRuntime runtime;

    public BridgeFeedHealth(PublisherRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "bridge_events";
    }

    @Override
    public boolean healthy() {
        return !runtime.followsBridge() || runtime.bridgeEvents().connected()
                || runtime.connection().status().state() == ConnectionStatus.State.DISABLED;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", runtime.bridgeEvents().eventsUri().toString());
        details.put("followed", runtime.followsBridge());
        details.put("connected", runtime.bridgeEvents().connected());
        if (runtime.followsBridge() && !runtime.bridgeEvents().lastError().isEmpty()) {
            details.put("error", runtime.bridgeEvents().lastError());
        }
        details.put("devices", runtime.devices().deviceCount());
        if (!runtime.bridgeDeviceList().lastProblem().isEmpty()) {
            details.put("device_list_error", runtime.bridgeDeviceList().lastProblem());
        }
        return details;
    }
}
