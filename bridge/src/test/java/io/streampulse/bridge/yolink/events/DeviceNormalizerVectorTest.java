package io.streampulse.bridge.yolink.events;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.streampulse.bridge.alert.AlertCause.CO;
import static io.streampulse.bridge.alert.AlertCause.DEVICE_FAULT;
import static io.streampulse.bridge.alert.AlertCause.HIGH_TEMPERATURE;
import static io.streampulse.bridge.alert.AlertCause.LEAK;
import static io.streampulse.bridge.alert.AlertCause.LOW_BATTERY;
import static io.streampulse.bridge.alert.AlertCause.LOW_TEMPERATURE;
import static io.streampulse.bridge.alert.AlertCause.MOTION;
import static io.streampulse.bridge.alert.AlertCause.OPEN;
import static io.streampulse.bridge.alert.AlertCause.POWER_FAILURE;
import static io.streampulse.bridge.alert.AlertCause.SMOKE;
import static io.streampulse.bridge.alert.AlertCause.VIBRATION;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every payload in anchors §4.2, from a device not seen before: kind, state word, causes, battery, signal, climate. */
class DeviceNormalizerVectorTest {

    private static final long EVENT_TIME = 1732700000000L;

    static Stream<Arguments> vectors() {
        return Stream.of(
                row("homebridge-doorsensor-alert-open", DeviceKind.DOOR, "open", causes(OPEN), 100, -77, null, null),
                row("homebridge-doorsensor-alert-closed", DeviceKind.DOOR, "closed", causes(), 75, -77, null, null),
                row("homebridge-doorsensor-alert-error", DeviceKind.DOOR, "error", causes(DEVICE_FAULT, LOW_BATTERY),
                        25, -77, null, null),
                row("homebridge-doorsensor-alert-openremind", DeviceKind.DOOR, "open", causes(OPEN), 50, -77, null,
                        null),
                row("homebridge-motionsensor-alert", DeviceKind.MOTION, "motion", causes(MOTION), 100, -60, null, null),
                row("homebridge-motionsensor-statuschange-normal", DeviceKind.MOTION, "no_motion", causes(), 100, -61,
                        null, null),
                row("homebridge-vibrationsensor-alert", DeviceKind.VIBRATION, "vibration",
                        causes(VIBRATION, LOW_BATTERY), 0, -85, null, null),
                row("homebridge-leaksensor-report-normal", DeviceKind.LEAK, "dry", causes(), 100, -70, null, null),
                row("homebridge-leaksensor-alert", DeviceKind.LEAK, "leak", causes(LEAK), 100, -70, null, null),
                row("ha-multicapsleaksensor-report-full", DeviceKind.LEAK, "leak", causes(LEAK), 75, -72, null, null),
                row("homebridge-thsensor-report-normal", DeviceKind.TEMPERATURE_HUMIDITY, "normal", causes(), 100,
                        -66, 21.5, 44.2),
                row("homebridge-thsensor-report-hightemp-lowbattery", DeviceKind.TEMPERATURE_HUMIDITY, "alarm",
                        causes(HIGH_TEMPERATURE, LOW_BATTERY), 75, -66, 38.4, 30.0),
                row("homebridge-thsensor-report-lowtemp", DeviceKind.TEMPERATURE_HUMIDITY, "alarm",
                        causes(LOW_TEMPERATURE), 50, -90, -12.0, 50.0),
                row("homebridge-cosmokesensor-report-normal", DeviceKind.SMOKE_CO, "normal", causes(), 100, -58, null,
                        null),
                row("homebridge-cosmokesensor-alert-smoke-co", DeviceKind.SMOKE_CO, "alarm", causes(SMOKE, CO), 100,
                        -58, null, null),
                row("homebridge-cosmokesensor-report-unexpected-slowbattery", DeviceKind.SMOKE_CO, "fault",
                        causes(DEVICE_FAULT, LOW_BATTERY), 75, -58, null, null),
                row("homebridge-powerfailurealarm-alert", DeviceKind.POWER_FAILURE, "power_failure",
                        causes(POWER_FAILURE), 100, -50, null, null),
                row("homebridge-powerfailurealarm-statuschange-normal", DeviceKind.POWER_FAILURE, "normal", causes(),
                        100, -50, null, null),
                row("homebridge-outlet-report-on", DeviceKind.OUTLET, "on", causes(), null, -40, null, null),
                row("homebridge-multioutlet-report", DeviceKind.OUTLET, "on", causes(), null, -45, null, null),
                row("homebridge-switch-statuschange-off", DeviceKind.SWITCH, "off", causes(), null, -48, null, null),
                row("homebridge-lock-alert-locked", DeviceKind.LOCK, "locked", causes(), 100, -70, null, null),
                row("homebridge-lockv2-report", DeviceKind.LOCK, "unlocked", causes(), 50, -71, null, null),
                row("homebridge-siren-statuschange-alert", DeviceKind.SIREN, "sounding", causes(), 100, -55, null,
                        null),
                row("homebridge-garagedoor-report", DeviceKind.GARAGE_DOOR, "closed", causes(), null, -62, null, null),
                row("homebridge-thermostat-report", DeviceKind.THERMOSTAT, "heat", causes(), null, -52, 20.5, 41.0),
                row("homebridge-hub-report", DeviceKind.HUB, null, causes(), null, null, null, null),
                row("library-smartremoter-statuschange", DeviceKind.GENERIC, null, causes(), 100, -66, null, null),
                row("library-doorsensor-getstate", DeviceKind.DOOR, "open", causes(OPEN), 100, -79, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void apply_firstEvent_normalizedState(String vector, DeviceKind kind, String state, Set<AlertCause> active,
                                          Integer battery, Integer signal, Double temperature, Double humidity) {
        YoLinkEvent event = Vectors.event(vector);

        DeviceState device = DeviceNormalizer.apply(null, event, 1);

        assertAll(vector,
                () -> assertEquals(event.deviceId(), device.deviceId()),
                () -> assertEquals(event.type(), device.type()),
                () -> assertEquals(kind, device.kind()),
                () -> assertEquals(state, device.state()),
                () -> assertEquals(active, device.active()),
                () -> assertEquals(battery, device.batteryPercent()),
                () -> assertEquals(signal, device.signalDbm()),
                () -> assertEquals(temperature, device.temperatureC()),
                () -> assertEquals(humidity, device.humidityPercent()),
                () -> assertEquals(EVENT_TIME, device.lastSeenMillis()),
                () -> assertTrue(device.online()),
                () -> assertEquals(event.eventName(), device.attributes().get("last_event")));
    }

    private static Arguments row(String vector, DeviceKind kind, String state, Set<AlertCause> active,
                                 Integer battery, Integer signal, Double temperature, Double humidity) {
        return Arguments.of(vector, kind, state, active, battery, signal, temperature, humidity);
    }

    private static Set<AlertCause> causes(AlertCause... causes) {
        return causes.length == 0 ? Set.of() : EnumSet.of(causes[0], causes);
    }
}
