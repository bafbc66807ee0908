package io.streampulse.monitor.probe.rtsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the probe sends (pure value). The Request-URI never carries userinfo (see {@link RtspUrls}).
 *
 * @param headers in sending order; CSeq first, as RFC 2326 §12.17 examples and most cameras expect
 */
public record RtspRequest(String method, String uri, Map<String, String> headers) {

    public RtspRequest {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public int cseq() {
        return Integer.parseInt(headers.get("CSeq"));
    }

    /** For logs: the Authorization value is never shown. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.computeIfPresent("Authorization", (k, v) -> v.substring(0, Math.max(0, v.indexOf(' '))) + " ***");
        return method + " " + uri + " " + shown;
    }
}
