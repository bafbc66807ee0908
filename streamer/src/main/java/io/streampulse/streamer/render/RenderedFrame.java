package io.streampulse.streamer.render;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One drawn picture (TYPE_3BYTE_BGR, what the encoder reads) and the texts drawn on it, in drawing order (tests
 * and /status read these instead of doing OCR).
 */
public record RenderedFrame(BufferedImage image, List<String> texts) {

    public RenderedFrame {
        texts = List.copyOf(texts);
    }
}
