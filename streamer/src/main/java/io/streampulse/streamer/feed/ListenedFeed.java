package io.streampulse.streamer.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The snapshot-and-listeners half every feed shares. */
abstract class ListenedFeed implements SensorFeed {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile FeedSnapshot snapshot;

    ListenedFeed(FeedSnapshot initial) {
        this.snapshot = initial;
    }

    @Override
    public final FeedSnapshot current() {
        return snapshot;
    }

    @Override
    public final void onChange(Runnable listener) {
        listeners.add(listener);
    }

    final void publish(FeedSnapshot next) {
        snapshot = next;
        listeners.forEach(Runnable::run);
    }

    final void forgetListeners() {
        listeners.clear();
    }
}
