package io.streampulse.bridge.device;

/**
 * What a device is, as the alert engine, the receivers and the dashboard need it (YoLink's many type names fold
 * into these; an unknown type is GENERIC, never dropped).
 */
public enum DeviceKind {
    DOOR, MOTION, LEAK, VIBRATION, TEMPERATURE_HUMIDITY, SMOKE_CO, POWER_FAILURE, OUTLET, SWITCH, LOCK, SIREN,
    GARAGE_DOOR, THERMOSTAT, HUB, GENERIC
}
