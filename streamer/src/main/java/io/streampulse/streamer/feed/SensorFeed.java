package io.streampulse.streamer.feed;

/** Where the dashboard's sensor states come from. Listeners run on the feed's thread and must return quickly. */
public interface SensorFeed extends AutoCloseable {

    FeedSnapshot current();

    /** Called after every change (a device update, a connection change). */
    void onChange(Runnable listener);

    void start();

    @Override
    void close();
}
