package io.streampulse.monitor.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.monitor.probe.ProbeResult;

import java.util.Map;

/** What one check found, in the same terms as a stream's status: state, latency, message, kind and details. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CheckResponse(String state, long latencyMs, String message, String kind, Map<String, String> details) {

    static CheckResponse of(ProbeResult result) {
        return new CheckResponse(result.status().name(), result.latencyMs(), result.message(), result.kind().name(),
                result.details());
    }
}
