package io.streampulse.bridge.api;

import io.streampulse.bridge.BridgeRuntime;
import io.streampulse.bridge.store.RedisLink;
import io.streampulse.shared.health.HealthContributor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Redis on /health: connected or not since when, why, and how many device writes wait for a reconnect. */
@Singleton
public class RedisHealth implements HealthContributor {

    private final BridgeRuntime runtime;

    public RedisHealth(BridgeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean healthy() {
        return runtime.redis().up();
    }

    @Override
    public Map<String, Object> details() {
        RedisLink redis = runtime.redis();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", redis.up() ? "CONNECTED" : "DISCONNECTED");
        details.put("url", redis.url());
        details.put("since", redis.since().toString());
        if (!redis.lastError().isEmpty()) {
            details.put("error", redis.lastError());
        }
        details.put("devices", runtime.store().all().size());
        details.put("unsynced_devices", runtime.store().dirtyCount());
        details.put("failed_writes", redis.failedWrites());
        return details;
    }
}
