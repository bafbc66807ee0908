package io.streampulse.bridge.yolink;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.cloud.YoLinkDevice;
import io.streampulse.bridge.yolink.support.RecordingUpdates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YoLinkDeviceFeedTest {

    private static final String TOPIC = "yl-home/h/d1/report";

    private final RecordingUpdates updates = new RecordingUpdates();
    private final YoLinkDeviceFeed feed = new YoLinkDeviceFeed(List.of(device -> {
        throw new IllegalStateException("a broken consumer");
    }, updates), () -> 99);

    @Test
    void onMessage_malformedThenGood_countedAndTheGoodOneProcessed() {
        feed.onMessage(TOPIC, "{not json");
        feed.onMessage(TOPIC, "{\"event\":\"DoorSensor.Alert\",\"data\":{}}");
        feed.onMessage(TOPIC, door("open", 5));

        assertEquals(3, feed.received());
        assertEquals(2, feed.malformed());
        assertEquals(1, updates.updates().size(), "a failing consumer does not stop the others");
        assertEquals(Set.of(AlertCause.OPEN), updates.updates().get(0).active());
    }

    @Test
    void onMessage_sequence_eachNormalizedAgainstThePrevious() {
        feed.onMessage(TOPIC, door("open", 5));
        feed.onMessage(TOPIC, door("closed", 6));

        List<DeviceState> seen = updates.updates();
        assertEquals(List.of("open", "closed"), seen.stream().map(DeviceState::state).toList());
        assertEquals(100, seen.get(1).batteryPercent());
    }

    @Test
    void onDeviceList_namesKnownDevicesAndAddsNewOnes() {
        feed.onMessage(TOPIC, door("open", 5));

        feed.onDeviceList(List.of(
                new YoLinkDevice("d1", null, "Front door", "t1", "DoorSensor", null, "YS7704-UC", null, Map.of()),
                new YoLinkDevice("h1", null, "Hub", "t2", "Hub", null, "YS1603-UC", null, Map.of())));

        List<DeviceState> listed = updates.lists().get(0);
        assertEquals(List.of("Front door", "Hub"), listed.stream().map(DeviceState::name).toList());
        assertEquals("open", listed.get(0).state());
        assertEquals(2, feed.devices().size());
    }

    private static String door(String state, long time) {
        return "{\"event\":\"DoorSensor.Alert\",\"time\":" + time + ",\"deviceId\":\"d1\",\"data\":{\"state\":\""
                + state + "\",\"battery\":4}}";
    }
}
