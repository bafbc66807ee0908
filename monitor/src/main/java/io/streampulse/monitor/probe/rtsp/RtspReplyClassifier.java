package io.streampulse.monitor.probe.rtsp;

import io.streampulse.monitor.probe.ProbeResult.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the deciding DESCRIBE reply into a verdict (pure). 200 with a video track is UP; any answer that shows
 * a working RTSP server which will not give us video (401, 403, 404, 454, other 3xx/4xx/5xx, no video track)
 * is DEGRADED, with the cause in words a user can act on.
 */
final class RtspReplyClassifier {

    static final String UNAUTHORIZED = "RTSP 401 Unauthorized: wrong or missing credentials";
    static final String NOT_FOUND = "RTSP 404 Not Found: wrong path";

    private RtspReplyClassifier() {
    }

    static RtspVerdict classify(RtspReply reply, WwwAuthenticate challenge, boolean hadCredentials,
                                Map<String, String> baseDetails) {
        Map<String, String> details = new LinkedHashMap<>(baseDetails);
        details.put("status", Integer.toString(reply.status()));
        return switch (reply.status()) {
            case 200 -> described(SdpSummary.parse(reply.body()), details);
            case 401 -> new RtspVerdict(Status.DEGRADED, unauthorized(challenge, hadCredentials, details), details);
            case 403 -> new RtspVerdict(Status.DEGRADED, "RTSP 403 Forbidden: access denied for these credentials",
                    details);
            case 404 -> new RtspVerdict(Status.DEGRADED, NOT_FOUND, details);
            default -> new RtspVerdict(Status.DEGRADED, statusLine(reply) + redirectHint(reply, details), details);
        };
    }

    private static RtspVerdict described(SdpSummary sdp, Map<String, String> details) {
        details.put("tracks", sdp.describeTracks());
        if (sdp.video().isEmpty()) {
            return new RtspVerdict(Status.DEGRADED, "RTSP 200, no video track in SDP (" + whatInstead(sdp) + ")", details);
        }
        VideoFormat video = sdp.video().get();
        details.put("codec", video.codec());
        putIfKnown(details, "profile", video.profile());
        putIfKnown(details, "level", video.level());
        if (video.hasResolution()) {
            details.put("width", Integer.toString(video.width()));
            details.put("height", Integer.toString(video.height()));
        }
        return new RtspVerdict(Status.UP, "RTSP 200, " + video.summary(), details);
    }

    private static String whatInstead(SdpSummary sdp) {
        if (sdp.media().isEmpty()) {
            return "no media: empty or not SDP";
        }
        List<String> types = sdp.media().stream().map(SdpMedia::type).distinct().toList();
        return String.join(" and ", types) + " only";
    }

    private static String unauthorized(WwwAuthenticate challenge, boolean hadCredentials, Map<String, String> details) {
        if (!challenge.schemes().isEmpty()) {
            details.put("auth_offered", ServerText.clip(String.join(",", challenge.schemes())));
        }
        if (hadCredentials && !challenge.canAnswer()) {
            return "RTSP 401 Unauthorized: unsupported authentication "
                    + ServerText.clip(challenge.schemes().isEmpty() ? "(no challenge)" : String.join(", ", challenge.schemes()));
        }
        return UNAUTHORIZED;
    }

    private static String statusLine(RtspReply reply) {
        String reason = ServerText.clip(reply.reason());
        return "RTSP " + reply.status() + (reason.isEmpty() ? "" : " " + reason);
    }

    /** 3xx: say that the camera points elsewhere; the Location is shown without userinfo. */
    private static String redirectHint(RtspReply reply, Map<String, String> details) {
        if (reply.status() < 300 || reply.status() > 399 || reply.header("Location").isEmpty()) {
            return "";
        }
        String location = reply.header("Location").replaceFirst("://[^/@]*@", "://");
        details.put("location", ServerText.clip(location));
        return ": redirects elsewhere, not followed";
    }

    private static void putIfKnown(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
