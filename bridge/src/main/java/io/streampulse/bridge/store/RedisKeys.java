package io.streampulse.bridge.store;

/** The bridge's Redis keys, all under {@code streampulse:} (the webgui and tools read them, never write). */
public final class RedisKeys {

    /** Set of every known device id: the index, so nothing ever needs {@code KEYS *}. */
    public static final String DEVICES = "streampulse:devices";
    /** Capped stream of state changes and alerts ({@code XADD MAXLEN ~}). */
    public static final String EVENTS = "streampulse:device-events";
    /** Sorted set: device id scored by its door-prop deadline (epoch ms). */
    public static final String DOOR_PROP = "streampulse:door-prop";

    private RedisKeys() {
    }

    /** The hash of one device's state. */
    public static String device(String deviceId) {
        return "streampulse:device:" + deviceId;
    }
}
