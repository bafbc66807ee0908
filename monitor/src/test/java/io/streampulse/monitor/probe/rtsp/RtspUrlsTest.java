package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtspUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "rtsp://admin:s3cret@10.0.0.5/Streaming/Channels/101, rtsp://10.0.0.5/Streaming/Channels/101, 10.0.0.5, 554",
        "rtsp://10.0.0.5:8554/live?channel=1&subtype=0#x, rtsp://10.0.0.5:8554/live?channel=1&subtype=0, 10.0.0.5, 8554",
        "rtsps://user:p%40ss@cam.local/s1, rtsps://cam.local/s1, cam.local, 322",
        "rtsp://u:p@[fd00::5]:10554/h264, rtsp://[fd00::5]:10554/h264, fd00::5, 10554",
        "rtsp://u:p@cam_1:8554/x, rtsp://cam_1:8554/x, cam_1, 8554",
    })
    void requestUri_hostAndPort_dropUserinfoAndApplyDefaults(String url, String requestUri, String host, int port) {
        URI uri = URI.create(url);

        assertEquals(requestUri, RtspUrls.requestUri(uri));
        assertEquals(host, RtspUrls.host(uri));
        assertEquals(port, RtspUrls.port(uri));
    }

    @Test
    void userinfo_percentEncodedPassword_isDecodedAndHiddenInToString() {
        RtspUrls.Credentials credentials = RtspUrls.userinfo(URI.create("rtsp://admin:p%40ss:w@10.0.0.5/")).orElseThrow();

        assertEquals("admin", credentials.username());
        assertEquals("p@ss:w", credentials.password());
        assertFalse(credentials.toString().contains("p@ss"));
        assertTrue(RtspUrls.userinfo(URI.create("rtsp://10.0.0.5/")).isEmpty());
    }

    @Test
    void validate_httpOrMissingHost_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> RtspUrls.validate(URI.create("http://10.0.0.5/")));
        assertThrows(IllegalArgumentException.class, () -> RtspUrls.validate(URI.create("rtsp:///path")));
        RtspUrls.validate(URI.create("RTSPS://10.0.0.5/"));
    }
}
