package io.streampulse.bridge.modbus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which alarms hold each follower-mode channel on (pure, not thread-safe: used on the board's thread only).
 * Several devices may share a channel; the coil goes off only when the last of their alarms is restored, not
 * when the first one is (yolink-chekt let the last message win, its bug 7).
 */
final class FollowerChannels {

    private final Map<Integer, Set<String>> holders = new HashMap<>();

    /** {@code alarm} (device and cause) now holds {@code channel} on; repeating it changes nothing. */
    void hold(int channel, String alarm) {
        holders.computeIfAbsent(channel, c -> new HashSet<>()).add(alarm);
    }

    /** Drops {@code alarm}; returns how many other alarms still hold the channel on. */
    int release(int channel, String alarm) {
        Set<String> set = holders.get(channel);
        if (set == null) {
            return 0;
        }
        set.remove(alarm);
        if (set.isEmpty()) {
            holders.remove(channel);
            return 0;
        }
        return set.size();
    }

    boolean held(int channel) {
        return holders.containsKey(channel);
    }
}
