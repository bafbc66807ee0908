package io.streampulse.publisher.streams;

import io.streampulse.shared.feed.SseEvent;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.streampulse.publisher.support.FakeMonitor.streamJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamStatePublisherTest {

    static final TopicLayout LAYOUT = new TopicLayout("sp", "ha");
    final List<OutgoingMessage> sent = new ArrayList<>();

    private static StreamStatePublisher.Options options(TopicLayout layout, Set<String> ids) {
        return new StreamStatePublisher.Options(layout, 1, false, 10_000, ids);
    }

    private static SseEvent event(String name, String id, String state) {
        return new SseEvent(name, streamJson(id, id, state, 1_000, 5, "m"), "");
    }

    @Test
    void onEvent_changeSentAsHeartbeatAndState_publishedOnceRetained() {
        StreamStatePublisher publisher = new StreamStatePublisher(sent::add, options(LAYOUT, Set.of("cam")));

        publisher.onEvent(event("snapshot", "cam", "UP"));
        publisher.onEvent(event("heartbeat", "cam", "DOWN"));
        publisher.onEvent(event("state", "cam", "DOWN"));
        publisher.onEvent(new SseEvent("ready", "{\"streams\":1}", ""));

        assertEquals(2, sent.size(), sent.toString());
        assertEquals("sp/streams/cam/state", sent.get(1).topic());
        assertTrue(sent.get(1).retain() && sent.get(1).payload().contains("\"state\":\"DOWN\""));
    }

    @Test
    void onEvent_streamNotInTheConfig_isIgnored() {
        StreamStatePublisher publisher = new StreamStatePublisher(sent::add, options(LAYOUT, Set.of("cam")));

        publisher.onEvent(event("heartbeat", "removed", "UP"));

        assertEquals(List.of(), sent);
    }

    @Test
    void onStatusSnapshot_uptimeFromApiStatus_isKeptAcrossLaterEvents() {
        StreamStatePublisher publisher = new StreamStatePublisher(sent::add,
                new StreamStatePublisher.Options(LAYOUT, 1, false, 0, Set.of("cam")));
        publisher.onEvent(event("snapshot", "cam", "UP"));

        publisher.onStatusSnapshot("{\"Cam\":{\"status\":\"ok\",\"id\":\"cam\",\"uptime_24h\":0.5},"
                + "\"Other\":{\"id\":\"other\",\"uptime_24h\":1.0},\"Old\":{\"status\":\"ok\"}}");
        publisher.onEvent(event("heartbeat", "cam", "DOWN"));

        assertEquals(3, sent.size(), sent.toString());
        assertTrue(sent.get(1).payload().contains("\"uptime_24h\":0.5"), sent.get(1).payload());
        assertTrue(sent.get(2).payload().contains("\"uptime_24h\":0.5"), "a later event keeps the uptime");
    }

    @Test
    void configure_removedStream_clearsItsRetainedState_newBase_republishes() {
        StreamStatePublisher publisher = new StreamStatePublisher(sent::add, options(LAYOUT, Set.of("a", "b")));
        publisher.onEvent(event("snapshot", "a", "UP"));
        publisher.onEvent(event("snapshot", "b", "UP"));
        sent.clear();

        publisher.configure(options(LAYOUT, Set.of("a")));
        assertEquals(List.of(OutgoingMessage.removal("sp/streams/b/state", 1)), sent);

        sent.clear();
        publisher.configure(options(new TopicLayout("site2", "ha"), Set.of("a")));
        assertEquals(List.of("site2/streams/a/state"), sent.stream().map(OutgoingMessage::topic).toList());
    }
}
