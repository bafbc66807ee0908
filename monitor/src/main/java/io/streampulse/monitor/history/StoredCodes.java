package io.streampulse.monitor.history;

import io.streampulse.monitor.probe.ProbeResult.CheckKind;
import io.streampulse.monitor.state.StreamState;

/** The small integers the history tables store for states and check kinds (fixed: they are on disk). */
final class StoredCodes {

    private StoredCodes() {
    }

    static int state(StreamState state) {
        return switch (state) {
            case UP -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
            case PENDING -> 4;
        };
    }

    static StreamState state(int code) {
        return switch (code) {
            case 1 -> StreamState.UP;
            case 2 -> StreamState.DEGRADED;
            case 3 -> StreamState.DOWN;
            case 4 -> StreamState.PENDING;
            default -> throw new IllegalArgumentException("unknown stored state " + code);
        };
    }

    static int kind(CheckKind kind) {
        return switch (kind) {
            case RTSP -> 1;
            case HTTP -> 2;
            case FRAME -> 3;
        };
    }

    static CheckKind kind(int code) {
        return switch (code) {
            case 1 -> CheckKind.RTSP;
            case 2 -> CheckKind.HTTP;
            case 3 -> CheckKind.FRAME;
            default -> throw new IllegalArgumentException("unknown stored check kind " + code);
        };
    }
}
