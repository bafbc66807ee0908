package io.streampulse.streamer.view;

/** Which picture the dashboard shows. */
public enum Screen {
    /** No answer from the bridge yet since start. */
    CONNECTING,
    /** The bridge has been unreachable longer than the grace period. */
    UNREACHABLE,
    NO_SENSORS,
    GRID,
    /** Full-screen red: sensors in alarm now, and those that cleared within the hold time. */
    ALARM
}
