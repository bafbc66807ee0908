package io.streampulse.streamer.render;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the cards go (pure). A page holds at most {@link #capacity} cards (cards no smaller than about 340×200 at
 * 1080p, scaled with the height); fewer sensors get bigger cards: the column count that gives the largest card of
 * a readable shape wins.
 */
public final class GridLayout {

    static final double MIN_CARD_WIDTH = 340;
    static final double MIN_CARD_HEIGHT = 200;
    /** Cards wider than this ratio only add empty space, so width beyond it does not count. */
    static final double CARD_ASPECT = 1.6;

    private GridLayout() {
    }

    static int padding(int height) {
        return Math.max(6, height / 70);
    }

    public static int headerHeight(int height) {
        return Math.max(28, height / 12);
    }

    static int maxColumns(int width, int height) {
        double scale = height / 1080.0;
        return Math.max(1, (int) ((width - padding(height)) / (MIN_CARD_WIDTH * scale + padding(height))));
    }

    static int maxRows(int height) {
        double scale = height / 1080.0;
        return Math.max(1, (int) ((height - headerHeight(height) - padding(height))
                / (MIN_CARD_HEIGHT * scale + padding(height))));
    }

    /** Cards per page at this picture size. */
    public static int capacity(int width, int height) {
        return maxColumns(width, height) * maxRows(height);
    }

    /** The rectangles of {@code count} cards (count at most the capacity). */
    public static List<Rectangle> cells(int width, int height, int count) {
        int pad = padding(height);
        int top = headerHeight(height);
        int columns = bestColumns(width, height, count);
        int rows = (count + columns - 1) / columns;
        int cardWidth = (width - (columns + 1) * pad) / columns;
        int cardHeight = (height - top - (rows + 1) * pad) / rows;
        List<Rectangle> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int column = i % columns;
            int row = i / columns;
            cells.add(new Rectangle(pad + column * (cardWidth + pad), top + pad + row * (cardHeight + pad),
                    cardWidth, cardHeight));
        }
        return cells;
    }

    static int bestColumns(int width, int height, int count) {
        int pad = padding(height);
        int usableHeight = height - headerHeight(height);
        int best = 1;
        double bestSize = -1;
        for (int columns = 1; columns <= Math.min(count, maxColumns(width, height)); columns++) {
            int rows = (count + columns - 1) / columns;
            if (rows > maxRows(height)) {
                continue;
            }
            double cardWidth = (width - (columns + 1.0) * pad) / columns;
            double cardHeight = (usableHeight - (rows + 1.0) * pad) / rows;
            double size = Math.min(cardWidth / CARD_ASPECT, cardHeight);
            if (size > bestSize) {
                bestSize = size;
                best = columns;
            }
        }
        return best;
    }
}
