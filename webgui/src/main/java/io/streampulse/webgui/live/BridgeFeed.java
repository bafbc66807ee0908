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

/**
 * Follows the bridge's {@code /api/devices/events}: a {@code snapshot} per device on connect, then {@code device}
 * (a DeviceState) on every change and {@code alert} (an AlertEvent) on every alarm, restore or trouble edge.
 */
@Context
@Requires(property = "streampulse.webgui.live-feeds", notEquals = "false")
public class BridgeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeFeed.class);

    private final LiveBoard board;
    private final PeerJson peerJson;
    private final SseFollower follower;

    public BridgeFeed(PeerLocations peers, LiveBoard board, PeerJson peerJson) {
        this.board = board;
        this.peerJson = peerJson;
        this.follower = new SseFollower("bridge", peers.bridge().resolve("/api/devices/events"), this::event,
                () -> { }, ReconnectBackoff.EVENT_FEED);
        follower.start();
    }

    public SseFollower follower() {
        return follower;
    }

    private void event(SseEvent event) {
        try {
            switch (event.name()) {
                case "snapshot", "device" -> board.device(peerJson.device(event.data()));
                case "alert" -> board.alert(peerJson.alert(event.data()));
                default -> { } // a newer bridge's event this dashboard does not know
            }
        } catch (IOException e) {
            LOG.warn("bridge events: skipped a '{}' event: {}", event.name(), e.getMessage());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        follower.close();
    }
}
