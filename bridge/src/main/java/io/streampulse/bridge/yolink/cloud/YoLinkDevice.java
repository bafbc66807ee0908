package io.streampulse.bridge.yolink.cloud;

import java.util.Map;

/**
 * One entry of {@code Home.getDeviceList}, every field kept: {@code token} is the device's net token, needed for
 * any per-device call ({@code <Type>.getState}); {@code fields} holds all of the entry's fields as text, including
 * ones this record does not name.
 */
public record YoLinkDevice(String deviceId, String deviceUdid, String name, String token, String type,
                           String parentDeviceId, String modelName, String serviceZone, Map<String, String> fields) {

    public YoLinkDevice {
        fields = Map.copyOf(fields);
    }

    /** YoLink's EU region serves devices whose service zone starts with "eu_" (anchors §4.1). */
    public boolean inEuRegion() {
        return serviceZone != null && serviceZone.startsWith("eu_");
    }

    @Override
    public String toString() {
        return "YoLinkDevice[" + deviceId + " " + type + " '" + name + "']";
    }
}
