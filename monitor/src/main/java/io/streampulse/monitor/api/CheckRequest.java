package io.streampulse.monitor.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code POST /api/check}: a URL to check now, with the stream fields that affect a check. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CheckRequest(String url, @Nullable String username, @Nullable String password,
                           @Nullable String check, @Nullable Integer timeoutSeconds, @Nullable Boolean tlsVerify) {
}
