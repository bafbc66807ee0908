package io.streampulse.bridge.api;

import io.streampulse.bridge.BridgeRuntime;
import io.streampulse.bridge.alert.OutboxStore;
import io.streampulse.shared.health.HealthContributor;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert outbox on /health: how many deliveries wait, how many of them failed at least once, the age of the
 * oldest. Unhealthy while any delivery is failing, so the operator sees a receiver that does not acknowledge.
 */
@Singleton
public class DispatcherHealth implements HealthContributor {

    private final BridgeRuntime runtime;

    public DispatcherHealth(BridgeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "dispatcher";
    }

    @Override
    public boolean healthy() {
        try {
            return backlog().failing() == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            OutboxStore.Backlog backlog = backlog();
            details.put("pending", backlog.unfinished());
            details.put("failing", backlog.failing());
            details.put("oldest_pending_age_ms", backlog.unfinished() == 0 ? 0
                    : Math.max(0, System.currentTimeMillis() - backlog.oldestCreatedMillis()));
        } catch (SQLException e) {
            details.put("error", "outbox unreadable: " + e.getMessage());
        }
        details.put("queued", runtime.dispatcher().queued());
        return details;
    }

    private OutboxStore.Backlog backlog() throws SQLException {
        return runtime.dispatcher().outbox().backlog();
    }
}
