package io.streampulse.webgui.live;

import io.micronaut.context.annotation.Value;
import io.streampulse.webgui.session.SessionStore;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The realtime hub: every signed-in user's open dashboards. A change from the board is queued on each connection
 * (latest per stream/sensor/service wins) and one timer sends each connection's queue as one frame every
 * {@code flush} (150 ms), so a burst over 1,000 streams is a few frames, not thousands. Dead and slow connections
 * are dropped at their next flush; a user has at most {@link #MAX_PER_USER} (the oldest goes first). A dashboard
 * whose session ended (signed out, expired, disabled, password changed) is closed at its next flush; an open
 * dashboard counts as activity, so a wall display stays signed in until the session's absolute lifetime.
 */
@Singleton
public class LiveHub implements AutoCloseable {

    static final int MAX_PER_USER = 20;
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    private final LiveBoard board;
    private final LiveMessages messages;
    private final Predicate<String> sessionLive;
    private final Map<String, Deque<LiveConnection>> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-hub");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public LiveHub(LiveBoard board, LiveMessages messages, SessionStore sessions,
                   @Value("${streampulse.webgui.live-flush:150ms}") Duration flush) {
        this(board, messages, id -> sessions.touch(id).isPresent(), flush);
    }

    /** @param sessionLive whether the signed-in session with this id still holds (and, asked, is in use) */
    LiveHub(LiveBoard board, LiveMessages messages, Predicate<String> sessionLive, Duration flush) {
        this.board = board;
        this.messages = messages;
        this.sessionLive = sessionLive;
        board.listen(this::offer);
        timer.scheduleWithFixedDelay(this::flushAll, flush.toMillis(), flush.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new dashboard: it gets the snapshot at once, then every change after it. */
    void open(LiveConnection connection) {
        board.snapshotThen(snapshot -> {
            connection.sendNow(messages.snapshot(snapshot));
            Deque<LiveConnection> mine = byUser.computeIfAbsent(connection.username(), u -> new ArrayDeque<>());
            synchronized (mine) {
                mine.addLast(connection);
                while (mine.size() > MAX_PER_USER) {
                    mine.removeFirst().close("too many open dashboards for this user");
                }
            }
        });
    }

    void closed(LiveConnection connection) {
        Deque<LiveConnection> mine = byUser.get(connection.username());
        if (mine != null) {
            synchronized (mine) {
                mine.remove(connection);
            }
        }
    }

    public int connections() {
        return byUser.values().stream().mapToInt(d -> {
            synchronized (d) {
                return d.size();
            }
        }).sum();
    }

    private void offer(LiveMessage message) {
        byUser.values().forEach(d -> {
            synchronized (d) {
                d.forEach(c -> c.offer(message));
            }
        });
    }

    void flushAll() {
        try {
            byUser.forEach((user, d) -> {
                List<LiveConnection> dropped;
                synchronized (d) {
                    d.stream().filter(c -> !sessionLive.test(c.webSession())).forEach(c -> c.close("signed out"));
                    dropped = d.stream().filter(c -> !c.flush()).toList();
                    d.removeAll(dropped);
                }
                dropped.forEach(c -> LOG.info("live: dropped dashboard {} of user '{}' (closed, dead or too slow)",
                        c.id(), user));
            });
        } catch (RuntimeException e) {
            LOG.error("live: flush failed", e); // the timer must keep running
        }
    }

    @PreDestroy
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
