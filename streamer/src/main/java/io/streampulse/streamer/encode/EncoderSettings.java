package io.streampulse.streamer.encode;

/**
 * One profile's encoder settings.
 *
 * @param sourceWidth  the drawn picture's width (BGR24)
 * @param sourceHeight the drawn picture's height
 * @param width        encoded width (scaled by swscale when smaller than the source)
 * @param height       encoded height
 * @param frameRate    the nominal frame rate (frames are sent only when the picture changed)
 * @param bitRate      target bits per second
 */
public record EncoderSettings(int sourceWidth, int sourceHeight, int width, int height, int frameRate,
                              int bitRate) {

    public EncoderSettings {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 4:2:0 needs even sizes, got " + width + "x" + height);
        }
    }

    /** The sub profile: the main picture scaled to fit 1280×720 (even sizes), at most the main size. */
    public static EncoderSettings subOf(EncoderSettings main) {
        double scale = Math.min(1.0, Math.min(1280.0 / main.width(), 720.0 / main.height()));
        int width = (int) Math.round(main.width() * scale / 2) * 2;
        int height = (int) Math.round(main.height() * scale / 2) * 2;
        return new EncoderSettings(main.sourceWidth(), main.sourceHeight(), width, height, main.frameRate(),
                main.bitRate() / 2);
    }
}
