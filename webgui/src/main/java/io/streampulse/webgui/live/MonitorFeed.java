package io.streampulse.webgui.live;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.streampulse.shared.feed.ReconnectBackoff;
import io.streampulse.shared.feed.SseEvent;
import io.streampulse.shared.feed.SseFollower;
import io.streampulse.webgui.peers.PeerLocations;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows the monitor's {@code /api/events}: {@code ready} ({"streams": n}) and n {@code snapshot}s on every
 * connect, then {@code heartbeat} per check and {@code state} per change, each a StreamStatus. Once a connect's
 * snapshot is complete, streams the monitor no longer has leave the board.
 */
@Context
@Requires(property = "streampulse.webgui.live-feeds", notEquals = "false")
public class MonitorFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorFeed.class);

    private final LiveBoard board;
    private final PeerJson peerJson;
    private final SseFollower follower;
    private int expected = -1;
    private Set<String> seen = new HashSet<>();

    public MonitorFeed(PeerLocations peers, LiveBoard board, PeerJson peerJson) {
        this.board = board;
        this.peerJson = peerJson;
        this.follower = new SseFollower("monitor", peers.monitor().resolve("/api/events"), this::event, () -> { },
                ReconnectBackoff.EVENT_FEED);
        follower.start();
    }

    public SseFollower follower() {
        return follower;
    }

    private void event(SseEvent event) {
        switch (event.name()) {
            case "ready" -> ready(event.data());
            case "snapshot" -> stream(event, true);
            case "heartbeat", "state" -> stream(event, false);
            default -> { } // a newer monitor's event this dashboard does not know
        }
    }

    private void ready(String data) {
        seen = new HashSet<>();
        try {
            expected = peerJson.readyStreams(data);
        } catch (IOException e) {
            LOG.warn("monitor events: {}", e.getMessage());
            expected = -1;
        }
        if (expected == 0) {
            board.retainStreams(Set.of());
        }
    }

    private void stream(SseEvent event, boolean snapshot) {
        StreamRow row;
        try {
            row = peerJson.stream(event.data());
        } catch (IOException e) {
            LOG.warn("monitor events: skipped a '{}' event: {}", event.name(), e.getMessage());
            return;
        }
        board.stream(row);
        if (snapshot && expected > 0 && seen.add(row.id()) && seen.size() == expected) {
            board.retainStreams(seen);
            expected = -1;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        follower.close();
    }
}
