package io.streampulse.webgui.dashboard;

import io.streampulse.webgui.live.StreamRow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamViewTest {

    private static StreamRow row(String id, String name, String state, Long latency) {
        return new StreamRow(id, name, state, null, null, latency, null, null, null);
    }

    /** 250 cameras, all up but three: one down, one degraded, one never checked. */
    private static List<StreamRow> site() {
        List<StreamRow> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String id = String.format(Locale.ROOT, "s%03d", i);
            String state = switch (i) {
                case 240 -> "DOWN";
                case 7 -> "DEGRADED";
                case 120 -> null;
                default -> "UP";
            };
            all.add(row(id, String.format(Locale.ROOT, "Camera %03d", i), state, (long) i));
        }
        return all;
    }

    private static List<String> ids(StreamView.Page page) {
        return page.rows().stream().map(StreamRow::id).toList();
    }

    @Test
    void problemsFirstByDefault_thenByName_onPagesOfAHundred() {
        StreamView.Page first = StreamView.of(null, null, null, null).apply(site());
        assertEquals(List.of("s240", "s007", "s120", "s000", "s001"), ids(first).subList(0, 5));
        assertEquals(100, first.rows().size());
        assertEquals(3, first.pages());
        assertEquals("1–100 of 250", first.summary());
        assertEquals(Map.of("down", 1, "degraded", 1, "pending", 0, "unknown", 1, "up", 247), first.counts());
        StreamView.Page last = StreamView.of(null, null, null, "3").apply(site());
        assertEquals(50, last.rows().size());
        assertEquals("s249", ids(last).get(49));
        assertEquals("201–250 of 250", last.summary());
    }

    @Test
    void searchAndStateFilter_applyBeforePaging_andNameMatchIgnoresCase() {
        StreamView.Page found = StreamView.of("  CAMERA 24", null, "name", null).apply(site());
        assertEquals(List.of("s240", "s241", "s242", "s243", "s244", "s245", "s246", "s247", "s248", "s249"),
                ids(found));
        assertEquals("1–10 of 10 matching", found.summary());
        assertEquals(List.of("s240"), ids(StreamView.of("", "down", null, null).apply(site())));
        assertEquals("No stream matches the search or filter.",
                StreamView.of("no such camera", null, null, null).apply(site()).summary());
        assertEquals("", StreamView.of(null, null, null, null).apply(List.of()).summary());
    }

    @Test
    void slowestFirst_putsStreamsWithoutLatencyLast() {
        List<StreamRow> rows = List.of(row("a", "A", "UP", 10L), row("b", "B", "DOWN", null), row("c", "C", "UP", 300L));
        assertEquals(List.of("c", "a", "b"), ids(StreamView.of(null, null, "latency", null).apply(rows)));
    }

    @Test
    void namesTieOnCase_thenOrderById_soEveryPageIsStable() {
        List<StreamRow> rows = List.of(row("z", "gate", "UP", 1L), row("a", "Gate", "UP", 1L), row("m", "GATE", "UP", 1L));
        assertEquals(List.of("a", "m", "z"), ids(StreamView.of(null, null, "name", null).apply(rows)));
    }

    @Test
    void editedUrls_fallBackToTheDefaults_andAPageBeyondTheLastShowsTheLast() {
        assertEquals(new StreamView("", "", "state", 1), StreamView.of(null, "sideways", "random", "abc"));
        assertEquals(1, StreamView.of(null, null, null, "-4").page());
        StreamView.Page clamped = StreamView.of(null, null, null, "99").apply(site());
        assertEquals(3, clamped.page());
        assertEquals(200, clamped.from());
    }

    @Test
    void links_carryOnlyWhatDiffersFromTheDefaults() {
        assertEquals("/", StreamView.of(null, null, null, "3").link(1));
        assertEquals("/?page=2", StreamView.of(null, null, "state", null).link(2));
        assertEquals("/?q=front+gate+%26+yard&state=down&sort=name&page=3",
                StreamView.of("front gate & yard", "down", "name", null).link(3));
    }
}
