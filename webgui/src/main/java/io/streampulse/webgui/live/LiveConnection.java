package io.streampulse.webgui.live;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser tab's WebSocket, as the hub sees it: a coalescing queue and a bound on frames sent but not yet
 * written to the socket. A client that stops reading fills its TCP window, its frames stop completing, and at
 * {@link #MAX_IN_FLIGHT} it is closed instead of buffered without end (it reconnects and starts from a snapshot).
 */
final class LiveConnection {

    /** Frames handed to the socket and not yet written: at one frame per flush, a couple of seconds of backlog. */
    static final int MAX_IN_FLIGHT = 16;
    /** Waiting messages beyond what a dashboard shows at once (alerts are not coalesced). */
    static final int MAX_PENDING = 20_000;

    /** The socket, behind an interface so the hub can be tested without a server. */
    interface Sender {
        CompletionStage<?> send(String frame);

        void close(String reason);

        boolean open();
    }

    private final String id;
    private final String username;
    private final String webSession;
    private final Sender sender;
    private final Coalescer queue = new Coalescer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param webSession the id of the signed-in session that opened it: the socket lives no longer than it */
    LiveConnection(String id, String username, String webSession, Sender sender) {
        this.id = id;
        this.username = username;
        this.webSession = webSession;
        this.sender = sender;
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String webSession() {
        return webSession;
    }

    boolean closed() {
        return closed.get();
    }

    void offer(LiveMessage message) {
        queue.put(message);
    }

    int pending() {
        return queue.size();
    }

    /** Sends a frame now (the snapshot), outside the coalescing queue. */
    boolean sendNow(LiveMessage message) {
        return send(LiveMessages.frame(List.of(message)));
    }

    /**
     * Sends what is waiting as one frame. False when the connection is dead, too slow or was closed: the hub then
     * forgets it.
     */
    boolean flush() {
        if (closed.get()) {
            return false;
        }
        if (!sender.open()) {
            closed.set(true);
            return false;
        }
        if (queue.size() > MAX_PENDING) {
            return close("too many waiting updates");
        }
        if (queue.size() == 0) {
            return true;
        }
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            return close("client too slow");
        }
        return send(LiveMessages.frame(queue.drain()));
    }

    boolean close(String reason) {
        if (closed.compareAndSet(false, true)) {
            sender.close(reason);
        }
        return false;
    }

    private boolean send(String frame) {
        inFlight.incrementAndGet();
        try {
            sender.send(frame).whenComplete((ok, failure) -> {
                inFlight.decrementAndGet();
                if (failure != null) {
                    closed.set(true);
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            closed.set(true);
            return false;
        }
        return true;
    }
}
