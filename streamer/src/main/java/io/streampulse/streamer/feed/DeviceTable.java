package io.streampulse.streamer.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bridge's devices by id, in first-seen order, as the events replace, update and remove them (pure). */
final class DeviceTable {

    private final Map<String, SensorCard> byId = new LinkedHashMap<>();

    synchronized void replaceAll(List<SensorCard> cards) {
        byId.clear();
        cards.forEach(card -> byId.put(card.id(), card));
    }

    synchronized void put(SensorCard card) {
        byId.put(card.id(), card);
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }

    synchronized List<SensorCard> cards() {
        return new ArrayList<>(byId.values());
    }
}
