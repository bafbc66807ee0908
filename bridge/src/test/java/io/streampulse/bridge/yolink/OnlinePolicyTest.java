package io.streampulse.bridge.yolink;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnlinePolicyTest {

    private static final long HOUR = 3_600_000L;
    private static final long SEEN = 100 * HOUR;

    @ParameterizedTest(name = "{0}: {1} min")
    @CsvSource({"DOOR, 540", "MOTION, 540", "LEAK, 540", "TEMPERATURE_HUMIDITY, 540", "SMOKE_CO, 540",
            "LOCK, 540", "GENERIC, 540", "OUTLET, 70", "SWITCH, 70", "SIREN, 70", "THERMOSTAT, 70", "HUB, 10"})
    void expectedInterval_perKind(DeviceKind kind, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), OnlinePolicy.expectedInterval(kind));
    }

    @ParameterizedTest(name = "{0} silent {1} min: online={2}")
    @CsvSource({"DOOR, 540, true", "DOOR, 541, false", "OUTLET, 70, true", "OUTLET, 71, false",
            "HUB, 10, true", "HUB, 11, false"})
    void evaluate_silence_offlineOnlyPastTheInterval(DeviceKind kind, long silentMinutes, boolean online) {
        DeviceState device = device(kind, SEEN, true, Set.of());

        DeviceState after = OnlinePolicy.evaluate(device, SEEN + silentMinutes * 60_000L, 0);

        assertEquals(online, after.online());
        assertEquals(!online, after.active().contains(AlertCause.OFFLINE));
    }

    @Test
    void evaluate_offlineKeepsOtherCauses() {
        DeviceState device = device(DeviceKind.DOOR, SEEN, true, Set.of(AlertCause.OPEN));

        DeviceState after = OnlinePolicy.evaluate(device, SEEN + 10 * HOUR, 0);

        assertEquals(Set.of(AlertCause.OPEN, AlertCause.OFFLINE), after.active());
    }

    @Test
    void evaluate_heardFromAgain_backOnline() {
        DeviceState offline = device(DeviceKind.HUB, SEEN, false, Set.of(AlertCause.OFFLINE));

        DeviceState after = OnlinePolicy.evaluate(offline, SEEN + 60_000L, 0);

        assertTrue(after.online());
        assertEquals(Set.of(), after.active());
    }

    @Test
    void evaluate_unchanged_sameObject() {
        DeviceState device = device(DeviceKind.DOOR, SEEN, true, Set.of());

        assertSame(device, OnlinePolicy.evaluate(device, SEEN + HOUR, 0));
    }

    @Test
    void evaluate_neverHeardFrom_measuredFromWatchStart() {
        DeviceState listed = device(DeviceKind.HUB, 0, true, Set.of());
        long start = SEEN;

        assertTrue(OnlinePolicy.evaluate(listed, start + 9 * 60_000L, start).online());
        assertFalse(OnlinePolicy.evaluate(listed, start + 11 * 60_000L, start).online());
        assertEquals(start + 10 * 60_000L, OnlinePolicy.offlineAtMillis(listed, start));
    }

    private static DeviceState device(DeviceKind kind, long lastSeen, boolean online, Set<AlertCause> active) {
        return new DeviceState("d1", "d1", kind.name(), kind, null, active, null, null, null, null, lastSeen, online,
                Map.of());
    }
}
