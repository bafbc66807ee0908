package io.streampulse.bridge.alert;

/**
 * Why a device is in alarm or trouble. A device state carries the set of causes active now; the alert engine
 * turns each cause entering the set into an alarm and each cause leaving it into a restore. Receivers map a cause
 * to their own codes (SIA: OPEN to BA/BH, LEAK to WA/WH, SMOKE to FA/FH, CO to GA/GH, LOW_BATTERY to YT/YR, ...).
 */
public enum AlertCause {
    /** A door or window contact opened. */
    OPEN,
    MOTION,
    LEAK,
    VIBRATION,
    SMOKE,
    CO,
    HIGH_TEMPERATURE,
    LOW_TEMPERATURE,
    POWER_FAILURE,
    /** A door left open longer than its configured door-prop timeout (raised by the engine, not the device). */
    DOOR_PROP,
    /** Trouble: the device reports a low battery. */
    LOW_BATTERY,
    /** Trouble: not heard from within its type's threshold (raised by the device store, not the device). */
    OFFLINE,
    /** Trouble: the device reports an error state (a contact sensor's "error", a detector's "unexpected"). */
    DEVICE_FAULT;

    /** Troubles are supervision conditions, not alarms (SIA sends them as trouble codes, CHEKT as its own text). */
    public boolean trouble() {
        return this == LOW_BATTERY || this == OFFLINE || this == DEVICE_FAULT;
    }
}
