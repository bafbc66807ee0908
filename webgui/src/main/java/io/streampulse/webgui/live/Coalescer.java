package io.streampulse.webgui.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages waiting for one connection's next frame, latest per key: a stream that changed five times since
 * the last frame is sent once, in its newest state. Bounded by the number of things on the dashboard, plus alerts
 * (each its own key), which {@link #size()} lets the owner cap.
 */
final class Coalescer {

    private final Map<String, LiveMessage> pending = new LinkedHashMap<>();

    synchronized void put(LiveMessage message) {
        pending.remove(message.key()); // re-inserted at the end: the frame keeps the order of the latest changes
        pending.put(message.key(), message);
    }

    /** Everything waiting, oldest change first, and empties the queue. */
    synchronized List<LiveMessage> drain() {
        List<LiveMessage> out = new ArrayList<>(pending.values());
        pending.clear();
        return out;
    }

    synchronized int size() {
        return pending.size();
    }
}
