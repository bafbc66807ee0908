package io.streampulse.bridge.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.streampulse.bridge.BridgeRuntime;
import io.streampulse.bridge.alert.OutboxEntry;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/deliveries?device=&status=&limit=}: the outbox and the delivery log, newest first. Status is
 * pending (not tried yet), failed (tried, being retried), delivered (acknowledged) or expired (given up).
 */
@Controller("/api/deliveries")
public class DeliveriesController {

    static final List<String> STATUSES = List.of(OutboxEntry.PENDING, OutboxEntry.FAILED, OutboxEntry.DELIVERED,
            OutboxEntry.EXPIRED);
    static final int MAX_LIMIT = 1_000;

    private final BridgeRuntime runtime;

    public DeliveriesController(BridgeRuntime runtime) {
        this.runtime = runtime;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> deliveries(@Nullable @QueryValue String device, @Nullable @QueryValue String status,
                                      @Nullable @QueryValue Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            return ApiError.badRequest("'status' must be one of " + String.join(", ", STATUSES) + " (got '"
                    + status + "')");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            return ApiError.badRequest("'limit' must be 1.." + MAX_LIMIT + " (got " + limit + ")");
        }
        try {
            return HttpResponse.ok(runtime.dispatcher().outbox().query(Optional.ofNullable(device),
                    Optional.ofNullable(status), limit == null ? 200 : limit));
        } catch (SQLException e) {
            return ApiError.unavailable("the delivery log cannot be read: " + e.getMessage());
        }
    }
}
