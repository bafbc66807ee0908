package io.streampulse.publisher.devices;

import io.streampulse.publisher.discovery.Origin;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.shared.feed.SseEvent;
import io.streampulse.publisher.topics.TopicLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicePublisherTest {

    static final TopicLayout LAYOUT = new TopicLayout("sp", "ha");
    static final String STATE = "sp/devices/d88b4c0100000001/state";
    static final String DOOR_CONFIG = "ha/binary_sensor/sp_d88b4c0100000001_door/config";

    final List<OutgoingMessage> sent = new ArrayList<>();
    final DevicePublisher publisher = new DevicePublisher(sent::add,
            new DevicePublisher.Options(LAYOUT, 1, true, new Origin("test", "0", "")));

    private List<String> topics() {
        return sent.stream().map(OutgoingMessage::topic).toList();
    }

    @Test
    void onEvent_snapshotThenChange_publishesStateEachTime_discoveryOnce_ignoresAlerts() throws IOException {
        BridgeDeviceParserTest.vector().forEach(publisher::onEvent);

        assertEquals(2, topics().stream().filter(STATE::equals).count());
        assertEquals(1, topics().stream().filter(DOOR_CONFIG::equals).count());
        OutgoingMessage last = sent.stream().filter(m -> m.topic().equals(STATE)).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.payload().contains("\"state\":\"open\"") && last.payload().contains("\"alarm\":true"),
                last.payload());
    }

    @Test
    void onEvent_sameStateAgain_publishesNothing_badDataIsSkipped() throws IOException {
        SseEvent snapshot = BridgeDeviceParserTest.vector().get(0);
        publisher.onEvent(snapshot);
        sent.clear();

        publisher.onEvent(snapshot);
        publisher.onEvent(new SseEvent("device", "{not json", "9"));

        assertEquals(List.of(), sent);
    }

    @Test
    void onDeviceList_withoutADevice_clearsItsStateAndDiscovery() throws IOException {
        publisher.onEvent(BridgeDeviceParserTest.vector().get(0));
        sent.clear();

        publisher.onDeviceList(List.of());

        assertTrue(sent.stream().anyMatch(m -> m.topic().equals(STATE) && m.payload().isEmpty() && m.retain()));
        assertTrue(sent.stream().anyMatch(m -> m.topic().equals(DOOR_CONFIG) && m.payload().isEmpty() && m.retain()));
        assertEquals(0, publisher.deviceCount());
    }

    @Test
    void onMessage_homeAssistantOnline_announcesAgain() throws IOException {
        publisher.onEvent(BridgeDeviceParserTest.vector().get(0));
        sent.clear();

        publisher.onMessage("ha/status", "offline");
        publisher.onMessage("ha/status", "online");

        assertEquals(1, topics().stream().filter(DOOR_CONFIG::equals).count());
        assertTrue(topics().stream().noneMatch(STATE::equals));
    }
}
