package io.streampulse.webgui.live;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The status of one part of the suite: a process (monitor, bridge, publisher, streamer) or one of the bridge's
 * receivers ({@code receiver:sia}...).
 *
 * @param status UP, DEGRADED, DOWN, OFF (a receiver not enabled) or UNKNOWN (not heard from yet)
 * @param detail why, in words ("" when nothing to say)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ServiceRow(String id, String name, String status, String detail) {

    public static final String UP = "UP";
    public static final String DEGRADED = "DEGRADED";
    public static final String DOWN = "DOWN";
    public static final String OFF = "OFF";
    public static final String UNKNOWN = "UNKNOWN";

    public String statusKey() {
        return status.toLowerCase(java.util.Locale.ROOT);
    }
}
