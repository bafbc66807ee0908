package io.streampulse.publisher.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboxTest {

    private static OutgoingMessage message(String topic, String payload) {
        return new OutgoingMessage(topic, payload, 1, true);
    }

    @Test
    void offer_sameTopicTwice_keepsOnlyTheLatest() {
        Outbox outbox = new Outbox(10);
        outbox.offer(message("a", "1"));
        outbox.offer(message("b", "1"));
        outbox.offer(message("a", "2"));

        assertEquals(List.of(message("b", "1"), message("a", "2")), outbox.drain());
        assertEquals(0, outbox.size());
    }

    @Test
    void offer_pastCapacity_dropsTheOldestTopicAndCountsIt() {
        Outbox outbox = new Outbox(3);
        for (int i = 0; i < 5; i++) {
            outbox.offer(message("t" + i, "x"));
        }

        assertEquals(3, outbox.size());
        assertEquals(2, outbox.dropped());
        assertEquals(List.of("t2", "t3", "t4"), outbox.drain().stream().map(OutgoingMessage::topic).toList());
    }

    @Test
    void offer_manyUpdatesOfFewTopics_staysWithinTheBound() {
        Outbox outbox = new Outbox(100);
        for (int i = 0; i < 100_000; i++) {
            outbox.offer(message("streampulse/streams/s" + (i % 50) + "/state", Integer.toString(i)));
        }

        assertEquals(50, outbox.size());
        assertEquals(0, outbox.dropped());
        assertEquals("99999", outbox.drain().get(49).payload());
    }

    @Test
    void constructor_zeroCapacity_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Outbox(0));
    }
}
