package io.streampulse.monitor.probe.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void write_fullHdPicture_jpegScaledTo320WideThatDecodes() throws IOException {
        Path written = new ThumbnailStore(dataDir).write("front-door", picture(1920, 1080, Color.ORANGE));

        assertEquals(dataDir.resolve("thumbnails").resolve("front-door.jpg"), written);
        BufferedImage thumbnail = ImageIO.read(written.toFile());
        assertEquals(320, thumbnail.getWidth());
        assertEquals(180, thumbnail.getHeight());
        assertEquals(Color.ORANGE.getRed(), new Color(thumbnail.getRGB(160, 90)).getRed(), 8);
    }

    @Test
    void write_smallPicture_keepsItsSize() throws IOException {
        Path written = new ThumbnailStore(dataDir).write("cam", picture(160, 120, Color.BLUE));

        assertEquals(160, ImageIO.read(written.toFile()).getWidth());
    }

    @Test
    void write_twice_replacesTheFileAndLeavesNoTempFiles() throws IOException {
        ThumbnailStore store = new ThumbnailStore(dataDir);
        store.write("cam", picture(640, 480, Color.WHITE));

        Path written = store.write("cam", picture(640, 480, Color.BLACK));

        assertTrue(new Color(ImageIO.read(written.toFile()).getRGB(10, 10)).getRed() < 10, "the newer picture won");
        try (Stream<Path> files = Files.list(dataDir.resolve("thumbnails"))) {
            assertEquals(1, files.count(), "only cam.jpg");
        }
    }

    @Test
    void pathFor_awkwardStreamIds_staysInTheDirectoryAndNeverCollides() {
        ThumbnailStore store = new ThumbnailStore(dataDir);
        Path directory = dataDir.resolve("thumbnails");

        Path climbing = store.pathFor("../../etc/passwd");
        assertEquals(directory, climbing.getParent());
        assertEquals("%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.jpg", climbing.getFileName().toString());
        assertNotEquals(store.pathFor("Cam 1"), store.pathFor("Cam-1"), "the old sanitiser's collision");
        assertEquals("Caf%C3%A9.jpg", store.pathFor("Café").getFileName().toString());
    }

    private static BufferedImage picture(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
