package io.streampulse.bridge.yolink.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a captured YoLink payload from {@code src/test/resources/vectors/yolink}. */
final class Vectors {

    private Vectors() {
    }

    static String yolink(String name) {
        String path = "/vectors/yolink/" + name + ".json";
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YoLinkEvent event(String name) {
        return YoLinkEventParser.parse(yolink(name));
    }
}
