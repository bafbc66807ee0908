package io.streampulse.bridge.sia;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection.Sia.Format;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an alert event says on the wire (pure): a SIA-DCS code pair (alarm/restore) with the zone, or a Contact ID
 * event (qualifier 1 new / 3 restore, three digits, partition, zone). The choices are explained in the README's
 * SIA section; in short: temperature uses heat (KA/KH) and freeze (ZA/ZH), door-prop uses "door left open"
 * (DL/DH), vibration is a burglary (BA/BH, Contact ID 133 "24-hour safe"), offline is "untyped missing" (UY/UJ)
 * and a device fault "untyped zone trouble" (UT/UJ).
 */
public final class SiaEventCodes {

    /** The bridge reports everything in one area / partition. */
    public static final int PARTITION = 1;
    /** Zone of a device without {@code sia_zone}: 0, which receivers read as "the panel itself". */
    public static final int FALLBACK_ZONE = 0;

    /** One cause's codes. */
    public record Codes(String alarm, String restore, int contactId) {
    }

    private static final Map<AlertCause, Codes> TABLE = new EnumMap<>(AlertCause.class);

    static {
        TABLE.put(AlertCause.OPEN, new Codes("BA", "BH", 131));             // perimeter burglary
        TABLE.put(AlertCause.MOTION, new Codes("BA", "BH", 132));           // interior burglary
        TABLE.put(AlertCause.VIBRATION, new Codes("BA", "BH", 133));        // 24-hour (safe) burglary
        TABLE.put(AlertCause.LEAK, new Codes("WA", "WH", 154));             // water leakage
        TABLE.put(AlertCause.SMOKE, new Codes("FA", "FH", 111));            // smoke
        TABLE.put(AlertCause.CO, new Codes("GA", "GH", 162));               // carbon monoxide
        TABLE.put(AlertCause.HIGH_TEMPERATURE, new Codes("KA", "KH", 158)); // high temperature
        TABLE.put(AlertCause.LOW_TEMPERATURE, new Codes("ZA", "ZH", 159));  // low temperature
        TABLE.put(AlertCause.POWER_FAILURE, new Codes("AT", "AR", 301));    // AC loss
        TABLE.put(AlertCause.DOOR_PROP, new Codes("DL", "DH", 426));        // door propped open
        TABLE.put(AlertCause.LOW_BATTERY, new Codes("YT", "YR", 384));      // RF transmitter low battery
        TABLE.put(AlertCause.OFFLINE, new Codes("UY", "UJ", 381));          // loss of RF supervision
        TABLE.put(AlertCause.DEVICE_FAULT, new Codes("UT", "UJ", 380));     // sensor trouble
    }

    private SiaEventCodes() {
    }

    public static Codes codes(AlertCause cause) {
        return TABLE.get(cause);
    }

    /** The SIA-DCS code for the event: the alarm code when the cause began, the restore code when it ended. */
    public static String siaCode(AlertCause cause, boolean restore) {
        Codes codes = TABLE.get(cause);
        return restore ? codes.restore() : codes.alarm();
    }

    public static int zone(DeviceMapping mapping) {
        return mapping == null ? FALLBACK_ZONE : mapping.siaZone().orElse(FALLBACK_ZONE);
    }

    /** The data between '[' and ']' for the configured format. */
    public static String data(Format format, String account, AlertEvent event, DeviceMapping mapping) {
        int zone = zone(mapping);
        return format == Format.ADM_CID
                ? contactId(account, event.cause(), event.restore(), zone)
                : siaDcs(account, event.cause(), event.restore(), zone);
    }

    /** {@code #acct|Nri<area>/<code><zone>}, the zone at least three digits: "#1234|Nri1/BA003". */
    public static String siaDcs(String account, AlertCause cause, boolean restore, int zone) {
        return "#" + account + "|Nri" + PARTITION + "/" + siaCode(cause, restore) + SiaDigits.decimal(zone, 3);
    }

    /**
     * {@code #acct|QEEE PP ZZZ}: "#1234|1131 01 003" (Q 1 = new event, 3 = restore).
     *
     * @throws IllegalArgumentException when the zone does not fit Contact ID's three digits
     */
    public static String contactId(String account, AlertCause cause, boolean restore, int zone) {
        if (zone > 999) {
            throw new IllegalArgumentException("zone " + zone + " does not fit Contact ID's three digits; use "
                    + "SIA-DCS or a zone of at most 999");
        }
        return "#" + account + "|" + (restore ? 3 : 1) + SiaDigits.decimal(TABLE.get(cause).contactId(), 3) + " "
                + SiaDigits.decimal(PARTITION, 2) + " " + SiaDigits.decimal(zone, 3);
    }
}
