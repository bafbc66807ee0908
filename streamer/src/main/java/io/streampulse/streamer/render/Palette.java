package io.streampulse.streamer.render;

import java.awt.Color;

/** The dashboard's colours (dark theme after the seed's, alarm red kept pure enough to detect in a decoded frame). */
final class Palette {

    static final Color BACKGROUND = new Color(0x10, 0x12, 0x16);
    static final Color HEADER = new Color(0x1F, 0x3A, 0x5F);
    static final Color CARD = new Color(0x1C, 0x1C, 0x1E);
    static final Color CARD_TITLE = new Color(0x2C, 0x2C, 0x2E);
    static final Color CARD_OUTLINE = new Color(0x8E, 0x8E, 0x93);
    static final Color TEXT = Color.WHITE;
    static final Color SECONDARY = new Color(0xA0, 0xA0, 0xA8);
    static final Color OK = new Color(0x34, 0xC7, 0x59);
    static final Color WARNING = new Color(0xFF, 0x95, 0x00);
    static final Color ERROR = new Color(0xFF, 0x3B, 0x30);
    static final Color ALARM_CARD = new Color(0xB7, 0x1C, 0x1C);
    /** The alarm screen's background: a red a test (and a person across the room) cannot mistake. */
    static final Color ALARM_BACKGROUND = new Color(0xC6, 0x00, 0x00);
    static final Color ALARM_HEADER = new Color(0x7F, 0x00, 0x00);
    static final Color OFFLINE = new Color(0x55, 0x55, 0x5A);
    static final Color COLD = new Color(0x5A, 0xC8, 0xFA);

    private Palette() {
    }
}
