package io.streampulse.bridge.alert;

import io.streampulse.shared.config.DeviceMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which receivers a device's events go to (pure): those its mapping lists that also have the zone or channel
 * they need (CHEKT zone, SIA zone, relay channel). Fixes yolink-chekt's "nothing unless a relay is mapped".
 */
public final class DeliveryRouting {

    /** A receiver the mapping names, and why it is not used (empty: it is). */
    public record Route(String receiver, Optional<String> skipReason) {
    }

    private DeliveryRouting() {
    }

    public static List<Route> routes(DeviceMapping mapping) {
        List<Route> routes = new ArrayList<>();
        for (String receiver : mapping.receivers()) {
            routes.add(new Route(receiver, address(mapping, receiver).isPresent() ? Optional.empty()
                    : Optional.of("no " + addressName(receiver) + " set for device " + mapping.deviceId())));
        }
        return routes;
    }

    /** True when {@code receiver} is one of the mapping's usable routes (asked before every attempt: no lists). */
    public static boolean routed(DeviceMapping mapping, String receiver) {
        return mapping.receivers().contains(receiver) && address(mapping, receiver).isPresent();
    }

    private static Optional<Integer> address(DeviceMapping mapping, String receiver) {
        return switch (receiver) {
            case "chekt" -> mapping.chektZone();
            case "sia" -> mapping.siaZone();
            case "modbus" -> mapping.relayChannel();
            default -> Optional.empty();
        };
    }

    private static String addressName(String receiver) {
        return switch (receiver) {
            case "chekt" -> "chekt_zone";
            case "sia" -> "sia_zone";
            case "modbus" -> "relay_channel";
            default -> "address";
        };
    }
}
