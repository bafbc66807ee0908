package io.streampulse.webgui.streams;

import io.streampulse.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV cells, URL masking, chart windows and the preview cap: the small pure parts of the stream pages. */
class PureHelpersTest {

    @Test
    void csv_quotesWhatNeedsIt_andDefusesFormulas() {
        assertEquals("Front door", Csv.text("Front door"));
        assertEquals("\"Gate, north\"", Csv.text("Gate, north"));
        assertEquals("\"the \"\"big\"\" one\"", Csv.text("the \"big\" one"));
        assertEquals("\"two\nlines\"", Csv.text("two\nlines"));
        assertEquals("'=HYPERLINK(1)", Csv.text("=HYPERLINK(1)"));
        assertEquals("\"'=SUM(A1,A2)\"", Csv.text("=SUM(A1,A2)"));
        assertEquals("'@cam", Csv.text("@cam"));
        assertEquals("a,b,\r\n", Csv.row("a", "b", ""));
    }

    @Test
    void urlDisplay_masksAPasswordInTheUrl_andASubmittedMaskKeepsTheStoredUrl() {
        String stored = "rtsp://admin:p@ss@10.0.0.5:554/s1";
        assertEquals("rtsp://admin:***@10.0.0.5:554/s1", UrlDisplay.masked("rtsp://admin:hunter2@10.0.0.5:554/s1"));
        assertEquals("rtsp://10.0.0.5/s1", UrlDisplay.masked("rtsp://10.0.0.5/s1"));
        assertEquals("rtsp://user@10.0.0.5/s1", UrlDisplay.masked("rtsp://user@10.0.0.5/s1"));
        String kept = "rtsp://admin:hunter2@10.0.0.5/s1";
        assertEquals(kept, UrlDisplay.resolve("rtsp://admin:***@10.0.0.5/s1", kept));
        assertEquals("rtsp://10.0.0.9/s1", UrlDisplay.resolve("rtsp://10.0.0.9/s1", kept));
        assertFalse(UrlDisplay.masked(stored).contains("ss@10"), UrlDisplay.masked(stored));
    }

    @Test
    void chartRange_readsTheThreeWindows_withTheirAggregates() {
        assertEquals("minute", ChartRange.parse("24h").orElseThrow().resolution());
        assertEquals(Duration.ofDays(7), ChartRange.parse(" 7D ").orElseThrow().span());
        assertEquals("hour", ChartRange.parse("30d").orElseThrow().resolution());
        assertEquals(ChartRange.DAY, ChartRange.parse("").orElseThrow());
        assertTrue(ChartRange.parse("1y").isEmpty());
    }

    @Test
    void previews_areCapped_renewedByTheirToken_andFreedWhenTheyLapseOrClose() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
        PreviewLeases leases = new PreviewLeases(clock);

        assertTrue(leases.acquire("page-a", 2));
        assertTrue(leases.acquire("page-b", 2));
        assertFalse(leases.acquire("page-c", 2), "a third page is over the cap");
        assertTrue(leases.acquire("page-a", 2), "a page holding a place renews it");

        clock.advance(PreviewLeases.LEASE.minusSeconds(1));
        assertTrue(leases.acquire("page-a", 2));
        clock.advance(Duration.ofSeconds(2)); // page-b stopped refreshing: its lease ran out
        assertTrue(leases.acquire("page-c", 2));

        leases.release("page-a");
        assertTrue(leases.acquire("page-d", 2));
        assertEquals(2, leases.open());
    }
}
