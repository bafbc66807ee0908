package io.streampulse.streamer.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A Graphics2D that remembers the texts drawn on it and fits text to a width. */
final class Canvas {

    final Graphics2D g;
    final Fonts fonts;
    private final List<String> texts = new ArrayList<>();

    Canvas(BufferedImage image, Fonts fonts) {
        this.g = image.createGraphics();
        this.fonts = fonts;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    void fill(Color color, int x, int y, int width, int height) {
        g.setColor(color);
        g.fillRect(x, y, width, height);
    }

    /** Draws text with its baseline at y, shortened with "…" to fit maxWidth; returns the width drawn. */
    int text(String text, Font font, Color color, int x, int y, int maxWidth) {
        g.setFont(font);
        g.setColor(color);
        String fitted = fit(text, g.getFontMetrics(), maxWidth);
        g.drawString(fitted, x, y);
        texts.add(fitted);
        return g.getFontMetrics().stringWidth(fitted);
    }

    /** Draws text right-aligned so it ends at right. */
    void textRight(String text, Font font, Color color, int right, int y, int maxWidth) {
        g.setFont(font);
        int width = Math.min(maxWidth, g.getFontMetrics().stringWidth(text));
        text(text, font, color, right - width, y, maxWidth);
    }

    /** Draws text centred on centerX. */
    void textCentered(String text, Font font, Color color, int centerX, int y, int maxWidth) {
        g.setFont(font);
        int width = Math.min(maxWidth, g.getFontMetrics().stringWidth(text));
        text(text, font, color, centerX - width / 2, y, maxWidth);
    }

    static String fit(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        for (int end = text.length() - 1; end > 0; end--) {
            String shortened = text.substring(0, end).stripTrailing() + "…";
            if (metrics.stringWidth(shortened) <= maxWidth) {
                return shortened;
            }
        }
        return "…";
    }

    List<String> texts() {
        return texts;
    }

    void dispose() {
        g.dispose();
    }
}
