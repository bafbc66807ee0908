package io.streampulse.monitor.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link RedirectPolicy}: which redirects are followed and where credentials may go. */
class HttpRedirectPolicyTest {

    private static final URI CAMERA = URI.create("http://cam.local:8080/video.mjpg");

    @Test
    void next_relativeLocation_resolvesAgainstTheCurrentUrl() {
        assertEquals(Optional.of(URI.create("http://cam.local:8080/live/stream.mjpg")),
                RedirectPolicy.next(CAMERA, "/live/stream.mjpg", 0).next());
    }

    @Test
    void next_httpsToHttp_isRefusedWithTheReason() {
        RedirectPolicy.Decision decision = RedirectPolicy.next(URI.create("https://cam.local/a"), "http://cam.local/b", 0);

        assertEquals(Optional.empty(), decision.next());
        assertEquals(Optional.of("redirect from https to http refused"), decision.refusal());
    }

    @Test
    void next_afterFiveRedirects_isRefused() {
        assertEquals(Optional.of("more than 5 redirects"), RedirectPolicy.next(CAMERA, "/again", 5).refusal());
    }

    @Test
    void next_missingLocationOrOtherScheme_isRefused() {
        assertEquals(Optional.of("redirect without a Location"), RedirectPolicy.next(CAMERA, null, 0).refusal());
        assertEquals(Optional.of("redirect to a non-HTTP URL"),
                RedirectPolicy.next(CAMERA, "rtsp://cam.local/stream", 0).refusal());
    }

    @Test
    void sameOrigin_defaultPortsAndCase_matchOnlyTheConfiguredOrigin() {
        assertTrue(RedirectPolicy.sameOrigin(URI.create("http://Cam.Local/a"), URI.create("http://cam.local:80/b")));
        assertTrue(RedirectPolicy.sameOrigin(URI.create("https://cam.local/a"), URI.create("https://cam.local:443/b")));
        assertFalse(RedirectPolicy.sameOrigin(CAMERA, URI.create("http://cam.local:8081/video.mjpg")));
        assertFalse(RedirectPolicy.sameOrigin(CAMERA, URI.create("https://cam.local:8080/video.mjpg")));
        assertFalse(RedirectPolicy.sameOrigin(CAMERA, URI.create("http://evil.example:8080/video.mjpg")));
    }
}
