package io.streampulse.shared.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEventParserTest {

    private static List<SseEvent> parse(String text) {
        SseEventParser parser = new SseEventParser();
        List<SseEvent> events = new ArrayList<>();
        text.lines().forEach(line -> parser.line(line).ifPresent(events::add));
        parser.line("").ifPresent(events::add);
        return events;
    }

    @Test
    void line_monitorsEventStream_givesReadySnapshotHeartbeatAndState() throws IOException {
        String vector;
        try (InputStream in = getClass().getResourceAsStream("/vectors/sse/monitor-api-events.txt")) {
            vector = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<SseEvent> events = parse(vector);

        assertEquals(List.of("ready", "snapshot", "heartbeat", "state"), events.stream().map(SseEvent::name).toList());
        assertEquals("{\"streams\":1}", events.get(0).data());
        assertEquals("7s", events.get(3).id());
        assertTrue(events.get(3).data().contains("\"id\":\"cam\""), events.get(3).data());
    }

    @Test
    void line_multiLineDataCommentsAndNoName_followTheSpec() {
        List<SseEvent> events = parse(": keep-alive\ndata: a\ndata:b\n\nevent: x\n\n");

        assertEquals(List.of(new SseEvent("message", "a\nb", "")), events, "an event without data is not dispatched");
    }
}
