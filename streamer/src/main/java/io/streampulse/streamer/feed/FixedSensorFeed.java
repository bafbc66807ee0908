package io.streampulse.streamer.feed;

import java.util.List;

/** A feed whose content the caller sets (tests, demos): every {@link #set} notifies at once. */
public final class FixedSensorFeed extends ListenedFeed {

    public FixedSensorFeed(FeedSnapshot initial) {
        super(initial);
    }

    public void set(FeedSnapshot next) {
        publish(next);
    }

    public void set(List<SensorCard> cards) {
        publish(FeedSnapshot.of(cards));
    }

    @Override
    public void start() {
        // nothing to connect to
    }

    @Override
    public void close() {
        forgetListeners();
    }
}
