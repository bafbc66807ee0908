package io.streampulse.streamer.render;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One drawn picture (TYPE_3BYTE_BGR, what the encoder reads) and the texts drawn on it, in drawing order (tests
 * and /status read these instead of doing OCR).
 *
 * @param layer        which cached layer it was drawn on (a new number each time the layer is redrawn)
 * @param changingRows pictures on the same layer differ only in these top rows (the clock's band)
 */
public record RenderedFrame(BufferedImage image, List<String> texts, long layer, int changingRows) {

    public RenderedFrame {
        texts = List.copyOf(texts);
    }
}
