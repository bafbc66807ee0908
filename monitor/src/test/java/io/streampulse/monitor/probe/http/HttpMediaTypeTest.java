package io.streampulse.monitor.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link MediaType} and {@link ContentKind}, from Content-Type values cameras and web servers send. */
class HttpMediaTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "multipart/x-mixed-replace; boundary=myboundary        | multipart/x-mixed-replace | MJPEG | myboundary",
        "multipart/x-mixed-replace;boundary=\"--video boundary\" | multipart/x-mixed-replace | MJPEG | --video boundary",
        "Multipart/X-Mixed-Replace; BOUNDARY=frame              | multipart/x-mixed-replace | MJPEG | frame",
        "multipart/x-mixed-replace                             | multipart/x-mixed-replace | MJPEG | -",
        "image/jpeg                                            | image/jpeg                | JPEG  | -",
        "image/jpg                                             | image/jpg                 | JPEG  | -",
        "text/html; charset=utf-8                              | text/html                 | HTML  | -",
        "application/json                                      | application/json          | OTHER | -",
        "video/mp4                                             | video/mp4                 | OTHER | -",
    })
    void parse_cameraContentTypes_classifies(String header, String essence, ContentKind kind, String boundary) {
        MediaType type = MediaType.parse(header).orElseThrow();

        assertEquals(essence, type.essence());
        assertEquals(kind, type.kind());
        assertEquals(Optional.ofNullable(boundary), type.boundary());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {"-", "''", "jpeg", "image/", "/jpeg", "; boundary=x"})
    void parse_missingOrMalformed_isEmpty(String header) {
        assertEquals(Optional.empty(), MediaType.parse(header));
    }
}
