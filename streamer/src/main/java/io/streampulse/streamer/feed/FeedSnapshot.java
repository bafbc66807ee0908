package io.streampulse.streamer.feed;

import java.util.List;

/**
 * What the feed knows right now.
 *
 * @param connected whether the bridge answers (a fixed feed is always connected)
 * @param loaded    whether a device list has arrived at least once (before that the screen says "connecting")
 * @param cards     the sensors, in the order to draw them
 * @param problem   why the bridge is not connected ("" while it is)
 */
public record FeedSnapshot(boolean connected, boolean loaded, List<SensorCard> cards, String problem) {

    public FeedSnapshot {
        cards = List.copyOf(cards);
    }

    public static FeedSnapshot of(List<SensorCard> cards) {
        return new FeedSnapshot(true, true, cards, "");
    }

    public static FeedSnapshot unreachable(String problem) {
        return new FeedSnapshot(false, false, List.of(), problem);
    }
}
