package io.streampulse.streamer.render;

import io.streampulse.streamer.Cards;
import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.feed.SensorCard;
import io.streampulse.streamer.view.DashboardView;
import io.streampulse.streamer.view.ViewPlanner;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders real pictures; PNGs land in target/snapshots for a look. */
class DashboardRendererTest {

    private static final long NOW = 1_790_000_000_000L;
    private static final Path SNAPSHOTS = Path.of("target", "snapshots");

    private static DashboardView plan(int width, int height, FeedSnapshot feed) {
        int pageSize = GridLayout.capacity(width, height);
        return new ViewPlanner("Warehouse 7", pageSize, 10_000, 30_000, 15_000, ZoneOffset.UTC).plan(feed, NOW);
    }

    private static RenderedFrame render(int width, int height, FeedSnapshot feed, String snapshot)
            throws IOException {
        RenderedFrame frame = new DashboardRenderer(width, height, Fonts.check(), ZoneOffset.UTC)
                .render(plan(width, height, feed), NOW);
        Files.createDirectories(SNAPSHOTS);
        ImageIO.write(frame.image(), "png", SNAPSHOTS.resolve(snapshot + ".png").toFile());
        return frame;
    }

    @Test
    void render_clockTicksAndLayerChanges_drawTheSamePixelsAsAFreshRenderer() {
        ViewPlanner planner = new ViewPlanner("Warehouse 7", GridLayout.capacity(1280, 720), 10_000, 30_000, 15_000,
                ZoneOffset.UTC);
        DashboardRenderer cached = new DashboardRenderer(1280, 720, Fonts.check(), ZoneOffset.UTC);
        List<SensorCard> alarm = new ArrayList<>(Cards.quiet(9));
        alarm.set(2, Cards.door("d2", "Back door", true));
        List<FeedSnapshot> feeds = List.of(FeedSnapshot.of(Cards.quiet(9)), FeedSnapshot.of(Cards.quiet(9)),
                FeedSnapshot.of(Cards.quiet(9)), FeedSnapshot.of(alarm), FeedSnapshot.of(Cards.quiet(3)));
        for (int i = 0; i < feeds.size(); i++) {
            long now = NOW + i * 1_000L; // a new clock each time, the same layer for the first three
            DashboardView view = planner.plan(feeds.get(i), now);
            RenderedFrame fromCache = cached.render(view, now);
            RenderedFrame fresh = new DashboardRenderer(1280, 720, Fonts.check(), ZoneOffset.UTC).render(view, now);
            assertTrue(java.util.Arrays.equals(pixels(fresh.image()), pixels(fromCache.image())), "picture " + i);
            assertEquals(fresh.texts(), fromCache.texts());
            assertTrue(fromCache.texts().contains(view.clock()));
        }
    }

    private static byte[] pixels(BufferedImage image) {
        return ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void render_gridAt1080p_showsEveryCardOnTheFirstPage() throws IOException {
        RenderedFrame frame = render(1920, 1080, FeedSnapshot.of(Cards.quiet(7)), "grid-1080p-7");
        assertEquals(1920, frame.image().getWidth());
        for (int i = 0; i < 7; i++) {
            String name = List.of("Door ", "Climate ", "Leak ", "Motion ").get(i % 4) + i;
            assertTrue(frame.texts().contains(name), name + " in " + frame.texts());
        }
        assertTrue(frame.texts().contains("OFFLINE"));
        assertTrue(frame.texts().contains("21.5 °C   44 % RH"));
        assertFalse(isRed(frame.image().getRGB(960, 1000)));
    }

    @Test
    void render_fullGridPagesAt1080pAnd720p() throws IOException {
        RenderedFrame frame = render(1920, 1080, FeedSnapshot.of(Cards.quiet(45)), "grid-1080p-45");
        assertEquals(20, GridLayout.capacity(1920, 1080));
        assertTrue(frame.texts().stream().anyMatch(text -> text.matches("45 sensors  ·  page [123]/3")),
                frame.texts().toString());
        render(1280, 720, FeedSnapshot.of(Cards.quiet(45)), "grid-720p-45");
        assertEquals(20, GridLayout.capacity(1280, 720));
    }

    @Test
    void render_alarm_isRedAcrossTheScreenAndListsEverySensorInAlarm() throws IOException {
        List<SensorCard> cards = new ArrayList<>(Cards.quiet(30));
        cards.set(3, Cards.door("front", "Front door", true));
        cards.set(27, Cards.leak("basement", "Basement leak", true));
        RenderedFrame frame = render(1920, 1080, FeedSnapshot.of(cards), "alarm-1080p");
        BufferedImage image = frame.image();
        int red = 0;
        int samples = 0;
        for (int y = 100; y < 1080; y += 37) {
            for (int x = 0; x < 1920; x += 41) {
                samples++;
                red += isRed(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertTrue(red > samples * 0.8, red + " of " + samples + " samples red");
        assertTrue(frame.texts().containsAll(List.of("ALARM", "Front door", "OPEN", "Basement leak", "LEAK")),
                frame.texts().toString());
        render(1280, 720, FeedSnapshot.of(cards), "alarm-720p");
    }

    @Test
    void render_clearScreens() throws IOException {
        assertTrue(render(1920, 1080, FeedSnapshot.of(List.of()), "no-sensors").texts().contains("No sensors"));
        RenderedFrame connecting = render(1920, 1080, FeedSnapshot.unreachable("the bridge refused"), "connecting");
        assertTrue(connecting.texts().contains("Connecting to the bridge…"));
        assertTrue(connecting.texts().contains("Bridge OFFLINE"));
    }

    static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r > 150 && g < 80 && b < 80;
    }
}
