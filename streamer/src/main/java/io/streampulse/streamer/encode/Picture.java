package io.streampulse.streamer.encode;

/**
 * A BGR24 picture for the encoder, with what it shares with the pictures before it: pictures of the same
 * {@code layer} differ only in their top {@code changingRows} rows (the renderer's clock band), so an encoder that
 * converted one of them converts only those rows of the next.
 *
 * @param bgr          the pixels, rows top to bottom, 3 bytes per pixel
 * @param layer        the cached layer it was drawn on; negative: unknown (converted whole)
 * @param changingRows rows from the top that differ between pictures of the same layer
 */
public record Picture(byte[] bgr, long layer, int changingRows) {

    public static Picture whole(byte[] bgr) {
        return new Picture(bgr, -1, 0);
    }
}
