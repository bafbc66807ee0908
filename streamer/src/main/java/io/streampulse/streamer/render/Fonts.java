package io.streampulse.streamer.render;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;

/**
 * The font family the dashboard draws with, checked once at start: DejaVu Sans (Debian's fonts-dejavu-core, in
 * the image) for its full Latin set and clear digits; Java's logical SansSerif, with a warning, when it is missing.
 */
public final class Fonts {

    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    static final String PREFERRED = "DejaVu Sans";

    private final String family;

    private Fonts(String family) {
        this.family = family;
    }

    public static Fonts check() {
        boolean present = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames()).contains(PREFERRED);
        if (!present) {
            LOG.warn("Font '{}' is not installed (Debian: fonts-dejavu-core); drawing with the JDK's SansSerif",
                    PREFERRED);
        }
        return new Fonts(present ? PREFERRED : Font.SANS_SERIF);
    }

    public String family() {
        return family;
    }

    Font bold(double size) {
        return new Font(family, Font.BOLD, Math.max(8, (int) Math.round(size)));
    }

    Font plain(double size) {
        return new Font(family, Font.PLAIN, Math.max(8, (int) Math.round(size)));
    }
}
