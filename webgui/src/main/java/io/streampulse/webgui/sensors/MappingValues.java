package io.streampulse.webgui.sensors;

import io.streampulse.shared.config.DeviceMapping;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What the mapping form shows for a device (pure): its mapping, or for an unmapped one every receiver on. */
final class MappingValues {

    private MappingValues() {
    }

    static Map<String, String> of(Optional<DeviceMapping> mapping, String name) {
        Map<String, String> v = new HashMap<>();
        v.put("name", mapping.map(DeviceMapping::name).filter(n -> !n.isBlank()).orElse(name));
        v.put("chekt_zone", mapping.flatMap(DeviceMapping::chektZone).map(String::valueOf).orElse(""));
        v.put("sia_zone", mapping.flatMap(DeviceMapping::siaZone).map(String::valueOf).orElse(""));
        v.put("relay_channel", mapping.flatMap(DeviceMapping::relayChannel).map(String::valueOf).orElse(""));
        int doorProp = mapping.map(DeviceMapping::doorPropSeconds).orElse(0);
        v.put("door_prop", doorProp > 0 ? "on" : "");
        v.put("door_prop_seconds", doorProp > 0 ? String.valueOf(doorProp) : "");
        for (String receiver : DeviceMapping.RECEIVER_NAMES) {
            boolean on = mapping.map(m -> m.receivers().contains(receiver)).orElse(true);
            v.put("receiver." + receiver, on ? "on" : "");
        }
        return v;
    }
}
