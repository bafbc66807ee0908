package io.streampulse.streamer.feed;

import io.streampulse.testkit.FakeBridgeFeed;
import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed against a bridge-shaped HTTP + SSE server: list, live changes, and the bridge going away. */
class BridgeSensorFeedTest {

    private static final String DOOR = "{\"device_id\":\"d1\",\"name\":\"Front door\",\"type\":\"DoorSensor\","
            + "\"kind\":\"DOOR\",\"state\":\"%s\",\"active\":[%s],\"battery_percent\":75,\"signal_dbm\":-80,"
            + "\"temperature_c\":null,\"humidity_percent\":null,\"last_seen_millis\":1790000000000,"
            + "\"online\":true,\"attributes\":{}}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void follow_listThenEvents_thenTheBridgeStops_isReportedUnreachableWithItsLastSensors() throws Exception {
        FakeBridgeFeed bridge = new FakeBridgeFeed();
        bridge.change("d1", DOOR.formatted("closed", ""));
        try (BridgeSensorFeed feed = new BridgeSensorFeed(bridge.url())) {
            feed.start();
            Eventually.await(WAIT, "the door from the bridge, and the feed subscribed", () -> feed.current().connected()
                    && feed.current().cards().size() == 1 && bridge.subscribers() == 1);
            assertEquals("Front door", feed.current().cards().get(0).name());

            bridge.change("d1", DOOR.formatted("open", "\"OPEN\""));
            Eventually.await(WAIT, "the door in alarm", () -> feed.current().cards().get(0).inAlarm());

            bridge.close();
            Eventually.await(WAIT, "the feed noticing the bridge is gone", () -> !feed.current().connected());
            assertFalse(feed.current().problem().isEmpty());
            assertTrue(feed.current().loaded(), "what was known stays for the screen to show");
        } finally {
            bridge.close();
        }
    }
}
