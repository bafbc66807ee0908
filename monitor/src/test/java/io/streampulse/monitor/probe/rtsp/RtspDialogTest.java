package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streampulse.monitor.probe.ProbeResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OPTIONS/DESCRIBE conversation and its verdicts, driven with canned replies (no sockets). */
class RtspDialogTest {

    private static final String URI = "rtsp://10.0.0.5:554/Streaming/Channels/101";
    private static final String VIDEO_SDP = "v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z00AKp2oHgCJ+WbgICAoAAADAAgAAAMBlCA=,aO48gA==\r\n";
    private static final String DIGEST = "Digest realm=\"IP Camera\", nonce=\"n1\", qop=\"auth\"";

    @Test
    void start_thenOk_sendsDescribeAsCSeq2AndAcceptsSdp() {
        RtspDialog dialog = new RtspDialog(URI, null, null, "c");

        RtspRequest options = dialog.start();
        RtspRequest describe = send(dialog.onReply(reply(200, "OK", Map.of(), "")));

        assertEquals("OPTIONS " + URI, options.method() + " " + options.uri());
        assertEquals(Map.of("CSeq", "1", "User-Agent", "StreamPulse"), options.headers());
        assertEquals("DESCRIBE", describe.method());
        assertEquals(2, describe.cseq());
        assertEquals("application/sdp", describe.headers().get("Accept"));
        assertFalse(describe.headers().containsKey("Authorization"));
    }

    @Test
    void describe_200WithVideo_isUpWithCodecProfileAndSize() {
        RtspVerdict verdict = decide(afterOptions(null).onReply(
                reply(200, "OK", Map.of("Server", List.of("Hikvision-Webs")), VIDEO_SDP)));

        assertEquals(Status.UP, verdict.status());
        assertEquals("RTSP 200, H264 Main 1920x1080", verdict.message());
        assertEquals("1920", verdict.details().get("width"));
        assertEquals("Hikvision-Webs", verdict.details().get("server"));
        assertEquals("video H264", verdict.details().get("tracks"));
    }

    @Test
    void describe_401WithCredentials_retriesOnceWithDigestThenAcceptsTheAnswer() {
        RtspDialog dialog = afterOptions("admin");

        RtspRequest retry = send(dialog.onReply(unauthorized(DIGEST)));
        RtspVerdict verdict = decide(dialog.onReply(reply(200, "OK", Map.of(), VIDEO_SDP)));

        assertEquals(3, retry.cseq());
        String authorization = retry.headers().get("Authorization");
        assertTrue(authorization.startsWith("Digest username=\"admin\""), authorization);
        assertTrue(authorization.contains("uri=\"" + URI + "\""), authorization);
        assertFalse(authorization.contains("s3cret"));
        assertFalse(retry.toString().contains("response="), "toString hides the Authorization value");
        assertEquals(Status.UP, verdict.status());
        assertEquals("digest", verdict.details().get("auth"));
    }

    @Test
    void describe_401ToOurAnswer_isDegradedWrongCredentialsWithoutLooping() {
        RtspDialog dialog = afterOptions("admin");
        send(dialog.onReply(unauthorized(DIGEST)));

        RtspVerdict verdict = decide(dialog.onReply(unauthorized(DIGEST)));

        assertEquals(Status.DEGRADED, verdict.status());
        assertEquals("RTSP 401 Unauthorized: wrong or missing credentials", verdict.message());
    }

    @Test
    void describe_401StaleNonce_retriesWithTheNewNonceOnce() {
        RtspDialog dialog = afterOptions("admin");
        send(dialog.onReply(unauthorized(DIGEST)));

        RtspRequest again = send(dialog.onReply(unauthorized("Digest realm=\"IP Camera\", nonce=\"n2\", stale=true")));

        assertTrue(again.headers().get("Authorization").contains("nonce=\"n2\""));
        assertEquals(Status.DEGRADED, decide(dialog.onReply(unauthorized("Digest realm=\"r\", nonce=\"n3\", stale=true"))).status());
    }

    @Test
    void describe_401WithoutCredentials_isDegradedAndNamesTheOfferedScheme() {
        RtspVerdict verdict = decide(afterOptions(null).onReply(unauthorized("Basic realm=\"cam\"")));

        assertEquals("RTSP 401 Unauthorized: wrong or missing credentials", verdict.message());
        assertEquals("Basic", verdict.details().get("auth_offered"));
    }

    @Test
    void options401_withCredentials_describesWithAuthorizationStraightAway() {
        RtspDialog dialog = new RtspDialog(URI, "admin", "s3cret", "c");
        dialog.start();

        RtspRequest describe = send(dialog.onReply(unauthorized("Basic realm=\"cam\"")));

        assertEquals("Basic YWRtaW46czNjcmV0", describe.headers().get("Authorization"));
    }

    @Test
    void describe_401UnsupportedScheme_saysSo() {
        RtspVerdict verdict = decide(afterOptions("admin").onReply(unauthorized("Negotiate")));

        assertEquals("RTSP 401 Unauthorized: unsupported authentication Negotiate", verdict.message());
    }

    @Test
    void describe_errorStatuses_areDegradedWithTheCause() {
        assertEquals("RTSP 404 Not Found: wrong path", decide(afterOptions(null).onReply(reply(404, "Not Found", Map.of(), ""))).message());
        assertEquals("RTSP 403 Forbidden: access denied for these credentials",
                decide(afterOptions(null).onReply(reply(403, "Forbidden", Map.of(), ""))).message());
        RtspVerdict sessionNotFound = decide(afterOptions(null).onReply(reply(454, "Session Not Found", Map.of(), "")));
        assertEquals(Status.DEGRADED, sessionNotFound.status());
        assertEquals("RTSP 454 Session Not Found", sessionNotFound.message());
        assertEquals("RTSP 503 Service Unavailable",
                decide(afterOptions(null).onReply(reply(503, "Service Unavailable", Map.of(), ""))).message());
    }

    @Test
    void describe_redirect_isDegradedAndLocationLosesUserinfo() {
        RtspVerdict verdict = decide(afterOptions(null).onReply(reply(302, "Moved Temporarily",
                Map.of("Location", List.of("rtsp://admin:pw@10.0.0.6/live")), "")));

        assertEquals("RTSP 302 Moved Temporarily: redirects elsewhere, not followed", verdict.message());
        assertEquals("rtsp://10.0.0.6/live", verdict.details().get("location"));
    }

    @Test
    void describe_200AudioOnlyOrEmpty_isDegradedNoVideoTrack() {
        RtspVerdict audio = decide(afterOptions(null).onReply(reply(200, "OK", Map.of(),
                "v=0\r\nm=audio 0 RTP/AVP 0\r\n")));
        RtspVerdict empty = decide(afterOptions(null).onReply(reply(200, "OK", Map.of(), "")));

        assertEquals(Status.DEGRADED, audio.status());
        assertEquals("RTSP 200, no video track in SDP (audio only)", audio.message());
        assertEquals("RTSP 200, no video track in SDP (no media: empty or not SDP)", empty.message());
    }

    @Test
    void reasonPhrase_controlCharsAndLength_areClipped() {
        RtspVerdict verdict = decide(afterOptions(null).onReply(reply(500, "Bad\u0007 thing" + "x".repeat(100), Map.of(), "")));

        assertEquals("RTSP 500 Bad? thing" + "x".repeat(50) + "...", verdict.message());
    }

    private static RtspDialog afterOptions(String username) {
        RtspDialog dialog = new RtspDialog(URI, username, username == null ? null : "s3cret", "0a4f113b");
        dialog.start();
        send(dialog.onReply(reply(200, "OK", Map.of(), "")));
        return dialog;
    }

    private static RtspReply unauthorized(String challenge) {
        return reply(401, "Unauthorized", Map.of("WWW-Authenticate", List.of(challenge)), "");
    }

    private static RtspReply reply(int status, String reason, Map<String, List<String>> headers, String body) {
        return new RtspReply(status, reason, headers, body);
    }

    private static RtspRequest send(RtspDialog.Step step) {
        return assertInstanceOf(RtspDialog.Send.class, step).request();
    }

    private static RtspVerdict decide(RtspDialog.Step step) {
        return assertInstanceOf(RtspDialog.Decide.class, step).verdict();
    }
}
