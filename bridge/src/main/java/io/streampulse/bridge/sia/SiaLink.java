package io.streampulse.bridge.sia;

import java.io.IOException;
import java.time.Duration;

/**
 * The transport under one receiver (TCP or UDP). Used by one thread at a time: the receiver's, holding its wire lock.
 * A {@link java.net.SocketTimeoutException} from {@link #receive} means nothing arrived in time.
 */
interface SiaLink extends AutoCloseable {

    void send(String frame) throws IOException;

    /** The next frame from the receiver (LF through CR), waiting at most {@code timeout}. */
    String receive(Duration timeout) throws IOException;

    /** Drops the connection (after a timeout or failure) so the next send starts afresh; a no-op for UDP. */
    void reset();

    @Override
    void close();
}
