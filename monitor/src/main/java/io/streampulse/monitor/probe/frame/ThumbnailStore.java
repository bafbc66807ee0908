package io.streampulse.monitor.probe.frame;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Keeps the latest decoded picture of each stream as {@code <dataDir>/thumbnails/<streamId>.jpg}, scaled down to
 * at most {@link #DEFAULT_MAX_WIDTH} pixels wide. Written to a temp file in the same directory and renamed over
 * the old one, so a reader (the web GUI) never sees half a JPEG.
 *
 * <p>The stream id becomes the file name with every character outside {@code [A-Za-z0-9_-]} percent-encoded
 * (UTF-8): distinct ids never share a file, and no id can climb out of the directory.
 */
public final class ThumbnailStore {

    public static final int DEFAULT_MAX_WIDTH = 320;

    private final Path directory;
    private final int maxWidth;

    public ThumbnailStore(Path dataDir) {
        this(dataDir, DEFAULT_MAX_WIDTH);
    }

    public ThumbnailStore(Path dataDir, int maxWidth) {
        if (maxWidth < 16) {
            throw new IllegalArgumentException("maxWidth must be at least 16 pixels, was " + maxWidth);
        }
        this.directory = dataDir.resolve("thumbnails");
        this.maxWidth = maxWidth;
    }

    /** Where the stream's thumbnail is (or will be). */
    public Path pathFor(String streamId) {
        return directory.resolve(fileName(streamId) + ".jpg");
    }

    /** True when a picture of the stream has been kept. */
    public boolean has(String streamId) {
        return Files.exists(pathFor(streamId));
    }

    /** Replaces the stream's thumbnail with {@code picture}, scaled down; returns its path. */
    public Path write(String streamId, BufferedImage picture) throws IOException {
        Files.createDirectories(directory);
        Path target = pathFor(streamId);
        Path temp = Files.createTempFile(directory, "." + fileName(streamId) + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (!ImageIO.write(scaled(picture), "jpg", out)) {
                    throw new IOException("no JPEG writer in this JVM");
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private BufferedImage scaled(BufferedImage picture) {
        int width = Math.min(maxWidth, picture.getWidth());
        int height = Math.max(1, (int) Math.round((double) picture.getHeight() * width / picture.getWidth()));
        // a fresh RGB copy even at full size: the JPEG writer rejects alpha and some javacv raster layouts
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return thumbnail;
    }

    static String fileName(String streamId) {
        if (streamId == null || streamId.isEmpty()) {
            throw new IllegalArgumentException("a thumbnail needs a stream id");
        }
        return PercentEncoder.encode(streamId, "_-");
    }
}
