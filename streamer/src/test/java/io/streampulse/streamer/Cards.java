package io.streampulse.streamer;

import io.streampulse.streamer.feed.SensorCard;

import java.util.ArrayList;
import java.util.List;

/** Sensor cards for tests. */
public final class Cards {

    private Cards() {
    }

    public static SensorCard door(String id, String name, boolean open) {
        return new SensorCard(id, name, "DOOR", open ? "open" : "closed", open ? List.of("OPEN") : List.of(),
                List.of(), 75, -82, null, null, 1_790_000_000_000L, true);
    }

    public static SensorCard climate(String id, String name) {
        return new SensorCard(id, name, "TEMPERATURE_HUMIDITY", "normal", List.of(), List.of(), 100, -97, 21.5,
                44.0, 1_790_000_000_000L, true);
    }

    public static SensorCard leak(String id, String name, boolean wet) {
        return new SensorCard(id, name, "LEAK", wet ? "leak" : "dry", wet ? List.of("LEAK") : List.of(),
                List.of("LOW_BATTERY"), 25, -118, null, null, 1_790_000_000_000L, true);
    }

    public static SensorCard offline(String id, String name) {
        return new SensorCard(id, name, "MOTION", "no_motion", List.of(), List.of("OFFLINE"), 50, -70, null, null,
                1_789_000_000_000L, false);
    }

    /** A mixed set of n quiet sensors. */
    public static List<SensorCard> quiet(int n) {
        List<SensorCard> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cards.add(switch (i % 4) {
                case 0 -> door("d" + i, "Door " + i, false);
                case 1 -> climate("t" + i, "Climate " + i);
                case 2 -> leak("l" + i, "Leak " + i, false);
                default -> offline("m" + i, "Motion " + i);
            });
        }
        return cards;
    }
}
