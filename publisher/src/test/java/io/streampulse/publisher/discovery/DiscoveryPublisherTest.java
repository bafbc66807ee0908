package io.streampulse.publisher.discovery;

import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryPublisherTest {

    static final Origin ORIGIN = new Origin("StreamPulse publisher", "test", "");
    final List<OutgoingMessage> sent = new ArrayList<>();

    private static DiscoveryPublisher.Options options(boolean enabled, String prefix) {
        return new DiscoveryPublisher.Options(enabled, new TopicLayout("sp", prefix), 1, ORIGIN);
    }

    private static Map<String, String> streams(String... idsAndNames) {
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            streams.put(idsAndNames[i], idsAndNames[i + 1]);
        }
        return streams;
    }

    private List<String> topics(boolean removals) {
        return sent.stream().filter(m -> m.payload().isEmpty() == removals).map(OutgoingMessage::topic).toList();
    }

    @Test
    void configure_addRenameRemove_announcesOnlyWhatChanged() {
        DiscoveryPublisher discovery = new DiscoveryPublisher(sent::add, options(true, "ha"));
        discovery.configure(options(true, "ha"), streams("a", "A", "b", "B"));
        assertEquals(6, topics(false).size());

        sent.clear();
        discovery.configure(options(true, "ha"), streams("a", "A renamed"));

        assertEquals(3, topics(false).size(), "the renamed stream again");
        assertTrue(topics(false).stream().allMatch(t -> t.contains("_a_")));
        assertEquals(3, topics(true).size(), "the removed stream's configs emptied");
        assertTrue(topics(true).stream().allMatch(t -> t.contains("_b_")));
    }

    @Test
    void configure_newPrefix_removesUnderTheOldAndAnnouncesUnderTheNew_disabled_removesAll() {
        DiscoveryPublisher discovery = new DiscoveryPublisher(sent::add, options(true, "ha"));
        discovery.configure(options(true, "ha"), streams("a", "A"));
        sent.clear();

        discovery.configure(options(true, "ha2"), streams("a", "A"));
        assertTrue(topics(true).stream().allMatch(t -> t.startsWith("ha/")) && topics(true).size() == 3);
        assertTrue(topics(false).stream().allMatch(t -> t.startsWith("ha2/")) && topics(false).size() == 3);

        sent.clear();
        discovery.configure(options(false, "ha2"), streams("a", "A"));
        assertEquals(3, topics(true).size());
        discovery.announceAll();
        assertEquals(0, topics(false).size(), "nothing announced while discovery is off");
    }

    @Test
    void onMessage_homeAssistantBirth_reannounces_otherPayloads_doNot() {
        DiscoveryPublisher discovery = new DiscoveryPublisher(sent::add, options(true, "ha"));
        discovery.configure(options(true, "ha"), streams("a", "A"));
        sent.clear();

        discovery.onMessage("ha/status", "offline");
        assertEquals(0, sent.size());
        discovery.onMessage("ha/status", "online");
        assertEquals(3, sent.size());
    }
}
