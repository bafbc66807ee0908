package io.streampulse.bridge.yolink.events;

import io.streampulse.bridge.alert.AlertCause;

import java.util.Set;

/** A device's primary state in plain words and the alarm/fault causes it implies, from one payload. */
record StateReading(String word, Set<AlertCause> causes) {

    StateReading {
        causes = Set.copyOf(causes);
    }

    static StateReading of(String word, AlertCause... causes) {
        return new StateReading(word, Set.of(causes));
    }
}
