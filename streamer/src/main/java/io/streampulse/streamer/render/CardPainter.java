package io.streampulse.streamer.render;

import io.streampulse.streamer.feed.SensorCard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws one sensor card: title bar (name, icon, offline mark), state pill, then the measurements that exist. */
final class CardPainter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    CardPainter(ZoneId zone) {
        this.zone = zone;
    }

    void paint(Canvas canvas, SensorCard card, Rectangle r, LocalDate today) {
        int arc = Math.max(6, r.height / 14);
        boolean alarm = card.inAlarm();
        canvas.g.setColor(alarm ? Palette.ALARM_CARD : Palette.CARD);
        canvas.g.fillRoundRect(r.x, r.y, r.width, r.height, arc, arc);
        int title = Math.max(18, r.height / 5);
        canvas.g.setColor(alarm ? Palette.ERROR : card.online() ? Palette.CARD_TITLE : Palette.OFFLINE);
        canvas.g.fillRoundRect(r.x, r.y, r.width, title, arc, arc);
        canvas.g.fillRect(r.x, r.y + title - arc, r.width, arc);
        canvas.g.setColor(alarm ? Palette.ERROR : Palette.CARD_OUTLINE);
        canvas.g.setStroke(new BasicStroke(alarm ? 3 : 1));
        canvas.g.drawRoundRect(r.x, r.y, r.width - 1, r.height - 1, arc, arc);

        int inset = Math.max(4, r.width / 28);
        int iconSize = (int) (title * 0.7);
        Icons.draw(canvas.g, card.kind(), r.x + r.width - inset - iconSize, r.y + (title - iconSize) / 2, iconSize,
                Palette.TEXT);
        Font nameFont = canvas.fonts.bold(title * 0.55);
        int nameWidth = r.width - 3 * inset - iconSize;
        if (!card.online()) {
            Font tagFont = canvas.fonts.bold(title * 0.42);
            canvas.g.setFont(tagFont);
            int tagWidth = canvas.g.getFontMetrics().stringWidth("OFFLINE") + inset;
            canvas.text("OFFLINE", tagFont, Palette.WARNING, r.x + r.width - 2 * inset - iconSize - tagWidth,
                    r.y + (int) (title * 0.66), tagWidth);
            nameWidth -= tagWidth + inset;
        }
        canvas.text(card.name(), nameFont, Palette.TEXT, r.x + inset, r.y + (int) (title * 0.7), nameWidth);

        int row = (int) ((r.height - title) / 5.3);
        Font font = canvas.fonts.plain(Math.min(row * 0.62, r.width / 13.0));
        int y = r.y + title + row / 5;
        paintState(canvas, card, r.x + inset, y, row, r.width - 2 * inset);
        y += row;
        for (Line line : lines(card, today)) {
            canvas.text(line.text(), font, line.color(), r.x + inset, y + (int) (row * 0.75), r.width - 2 * inset);
            y += row;
        }
    }

    private void paintState(Canvas canvas, SensorCard card, int x, int y, int row, int maxWidth) {
        String label = stateLabel(card);
        Font font = canvas.fonts.bold(row * 0.62);
        canvas.g.setFont(font);
        int width = Math.min(maxWidth, canvas.g.getFontMetrics().stringWidth(label) + row / 2);
        Color pill = card.inAlarm() ? Palette.ERROR : !card.online() ? Palette.OFFLINE
                : card.troubles().isEmpty() ? Palette.OK : Palette.WARNING;
        canvas.g.setColor(pill);
        canvas.g.fillRoundRect(x, y, width, (int) (row * 0.86), row / 2, row / 2);
        canvas.text(label, font, Palette.TEXT, x + row / 4, y + (int) (row * 0.64), width - row / 2);
    }

    static String stateLabel(SensorCard card) {
        if (card.inAlarm() && card.state() == null) {
            return String.join(", ", card.alarms()).replace('_', ' ');
        }
        if (card.state() == null) {
            return "No report";
        }
        String words = card.state().replace('_', ' ');
        return card.inAlarm() ? words.toUpperCase(Locale.ROOT)
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private List<Line> lines(SensorCard card, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        if (card.batteryPercent() != null) {
            int battery = card.batteryPercent();
            Color color = battery <= 25 || card.troubles().contains("LOW_BATTERY") ? Palette.ERROR
                    : battery <= 50 ? Palette.WARNING : Palette.OK;
            lines.add(new Line("Battery " + battery + " %", color));
        }
        if (card.signalDbm() != null) {
            int signal = card.signalDbm();
            Color color = signal < -115 ? Palette.ERROR : signal < -90 ? Palette.WARNING : Palette.OK;
            lines.add(new Line("Signal " + signal + " dBm", color));
        }
        if (card.temperatureC() != null || card.humidityPercent() != null) {
            String temperature = card.temperatureC() == null ? ""
                    : String.format(Locale.ROOT, "%.1f °C", card.temperatureC());
            String humidity = card.humidityPercent() == null ? ""
                    : String.format(Locale.ROOT, "%.0f %% RH", card.humidityPercent());
            lines.add(new Line((temperature + "   " + humidity).strip(), Palette.COLD));
        }
        if (card.troubles().contains("DEVICE_FAULT")) {
            lines.add(new Line("Device fault", Palette.WARNING));
        }
        lines.add(new Line("Seen " + lastSeen(card.lastSeenMillis(), today), Palette.SECONDARY));
        return lines.subList(Math.max(0, lines.size() - 4), lines.size());
    }

    private String lastSeen(long millis, LocalDate today) {
        if (millis <= 0) {
            return "never";
        }
        ZonedDateTime seen = Instant.ofEpochMilli(millis).atZone(zone);
        return seen.toLocalDate().equals(today) ? TIME.format(seen) : DATE.format(seen);
    }

    private record Line(String text, Color color) {
    }
}
