package io.streampulse.streamer.render;

import io.streampulse.streamer.feed.SensorCard;
import io.streampulse.streamer.view.DashboardView;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link DashboardView} at a fixed size. Sizes scale with the picture height so the same code serves 1080p
 * and 720p.
 *
 * <p>Everything but the clock is drawn once into a cached layer and redrawn only when the view (without its clock)
 * or the date changes; each picture is that layer copied plus the clock. Anti-aliased Java2D over a full 1080p
 * grid costs tens of milliseconds, the copy and the clock about one. The clock keeps a fixed slot (its widest
 * digits), so nothing else moves as it ticks. Pictures alternate between two buffers: the one returned last stays
 * intact while the next is drawn (snapshots read it). Not thread-safe: the frame loop calls it.
 */
public final class DashboardRenderer {

    private final int width;
    private final int height;
    private final Fonts fonts;
    private final ZoneId zone;
    private final CardPainter cards;
    private final BufferedImage layer;
    private final BufferedImage[] buffers = new BufferedImage[2];
    private int nextBuffer;
    private Object layerKey;
    private long layerNumber;
    private List<String> layerTexts = List.of();

    public DashboardRenderer(int width, int height, Fonts fonts, ZoneId zone) {
        this.width = width;
        this.height = height;
        this.fonts = fonts;
        this.zone = zone;
        this.cards = new CardPainter(zone);
        this.layer = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
    }

    public int pageSize() {
        return GridLayout.capacity(width, height);
    }

    public RenderedFrame render(DashboardView view, long nowMillis) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), zone);
        List<Object> key = List.of(view.withoutClock(), today);
        if (!key.equals(layerKey)) {
            layerTexts = drawLayer(view, today);
            layerKey = key;
            layerNumber++;
        }
        BufferedImage image = buffers[nextBuffer];
        nextBuffer = (nextBuffer + 1) % buffers.length;
        byte[] from = ((DataBufferByte) layer.getRaster().getDataBuffer()).getData();
        System.arraycopy(from, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, from.length);
        Canvas canvas = new Canvas(image, fonts);
        try {
            int h = GridLayout.headerHeight(height);
            canvas.textRight(view.clock(), clockFont(), Palette.TEXT, width - GridLayout.padding(height),
                    (int) (h * 0.68), width / 3);
        } finally {
            canvas.dispose();
        }
        List<String> texts = new ArrayList<>(layerTexts);
        texts.addAll(canvas.texts());
        return new RenderedFrame(image, texts, layerNumber, GridLayout.headerHeight(height));
    }

    /** Everything but the clock; returns the texts drawn. */
    private List<String> drawLayer(DashboardView view, LocalDate today) {
        Canvas canvas = new Canvas(layer, fonts);
        try {
            canvas.fill(view.alarm() ? Palette.ALARM_BACKGROUND : Palette.BACKGROUND, 0, 0, width, height);
            header(canvas, view);
            switch (view.screen()) {
                case GRID -> grid(canvas, view, today);
                case ALARM -> alarm(canvas, view);
                case NO_SENSORS -> message(canvas, "No sensors", "The bridge reports no devices yet", Palette.TEXT);
                case UNREACHABLE -> message(canvas, "Bridge unreachable", view.problem(), Palette.ERROR);
                case CONNECTING -> message(canvas, "Connecting to the bridge…", view.problem(), Palette.SECONDARY);
            }
        } finally {
            canvas.dispose();
        }
        return canvas.texts();
    }

    private Font clockFont() {
        return fonts.plain(GridLayout.headerHeight(height) * 0.32);
    }

    /** The clock's slot: the planner's clock pattern with every digit as wide as the widest one. */
    private int clockSlot(Canvas canvas) {
        String clock = "0000-00-00 00:00:00";
        FontMetrics metrics = canvas.g.getFontMetrics(clockFont());
        char widest = '0';
        for (char digit = '1'; digit <= '9'; digit++) {
            widest = metrics.charWidth(digit) > metrics.charWidth(widest) ? digit : widest;
        }
        return Math.min(width / 3, metrics.stringWidth(clock.replaceAll("[0-9]", String.valueOf(widest))));
    }

    private void header(Canvas canvas, DashboardView view) {
        int h = GridLayout.headerHeight(height);
        int pad = GridLayout.padding(height);
        canvas.fill(view.alarm() ? Palette.ALARM_HEADER : Palette.HEADER, 0, 0, width, h);
        int baseline = (int) (h * 0.68);
        Font title = fonts.bold(h * 0.46);
        Font small = clockFont();
        int clockWidth = clockSlot(canvas);
        String bridge = view.bridgeConnected() ? "Bridge online" : "Bridge OFFLINE";
        Color bridgeColor = view.bridgeConnected() ? Palette.OK : Palette.WARNING;
        int bridgeRight = width - 3 * pad - clockWidth;
        canvas.textRight(bridge, small, bridgeColor, bridgeRight, baseline, width / 4);
        String summary = view.totalSensors() + " sensors"
                + (view.pages() > 1 ? "  ·  page " + (view.page() + 1) + "/" + view.pages() : "");
        int titleWidth = canvas.text(view.siteName(), title, Palette.TEXT, pad, baseline, width / 3);
        canvas.text(summary, small, Palette.SECONDARY, 3 * pad + titleWidth, baseline, width / 4);
    }

    private void grid(Canvas canvas, DashboardView view, LocalDate today) {
        List<Rectangle> cells = GridLayout.cells(width, height, view.cards().size());
        for (int i = 0; i < cells.size(); i++) {
            cards.paint(canvas, view.cards().get(i), cells.get(i), today);
        }
    }

    /** Red screen, one big line per sensor; text size shrinks only as far as the list needs. */
    private void alarm(Canvas canvas, DashboardView view) {
        int top = GridLayout.headerHeight(height);
        int pad = GridLayout.padding(height) * 2;
        int banner = (int) ((height - top) * 0.22);
        Font bannerFont = fonts.bold(banner * 0.8);
        canvas.textCentered("ALARM", bannerFont, Palette.TEXT, width / 2, top + (int) (banner * 0.9), width - pad);
        List<SensorCard> listed = view.cards();
        int available = height - top - banner - 2 * pad;
        int line = Math.min((int) (height * 0.11), available / Math.max(1, listed.size()));
        Font name = fonts.bold(line * 0.72);
        Font detail = fonts.plain(line * 0.6);
        int y = top + banner + pad;
        for (SensorCard card : listed) {
            boolean cleared = view.clearedIds().contains(card.id());
            Color color = cleared ? new Color(0xFF, 0xC0, 0xC0) : Palette.TEXT;
            int drawn = canvas.text(card.name(), name, color, pad, y + (int) (line * 0.8), width * 3 / 5);
            String what = cleared ? "cleared" : CardPainter.stateLabel(card);
            canvas.text(what, detail, color, pad * 2 + drawn, y + (int) (line * 0.8), width - drawn - pad * 3);
            y += line;
        }
    }

    private void message(Canvas canvas, String title, String detail, Color color) {
        int top = GridLayout.headerHeight(height);
        int middle = top + (height - top) / 2;
        canvas.textCentered(title, fonts.bold(height * 0.08), color, width / 2, middle, width * 9 / 10);
        if (detail != null && !detail.isBlank()) {
            canvas.textCentered(detail, fonts.plain(height * 0.035), Palette.SECONDARY, width / 2,
                    middle + (int) (height * 0.08), width * 9 / 10);
        }
    }
}
