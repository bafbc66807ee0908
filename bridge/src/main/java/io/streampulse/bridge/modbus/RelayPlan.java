package io.streampulse.bridge.modbus;

/** What the relay receiver does with one event: write a coil, nothing (and that is fine), or refuse. */
public sealed interface RelayPlan {

    /** Write this command; the write's result is the answer. */
    record Write(RelayCommand command) implements RelayPlan {
    }

    /** Acknowledged without touching the board, for the reason given. */
    record Nothing(String why) implements RelayPlan {
    }

    /** Not acknowledged: the mapping or config does not allow a write. */
    record Refused(String why) implements RelayPlan {
    }
}
