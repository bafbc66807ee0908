package io.streampulse.webgui.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/**
 * The monitor's answer to {@code POST /api/check} (its CheckResponse): state UP, DEGRADED or DOWN, latency,
 * message, kind (RTSP, HTTP, FRAME) and details such as codec, width and height. Passed on to the page as is.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CheckReply(String state, long latencyMs, String message, String kind,
                         @Nullable Map<String, String> details) {
}
