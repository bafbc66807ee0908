package io.streampulse.monitor.probe.rtsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code m=} section of an SDP (pure value, RFC 8866 §5.14): media type, payload formats and the
 * {@code a=rtpmap}/{@code a=fmtp} attributes per payload type.
 *
 * @param type    "video", "audio", "application", ... (lower case)
 * @param formats the payload types in the order of the m= line ("96", "26")
 * @param rtpmap  payload type to "encoding/clock[/channels]" ("H264/90000")
 * @param fmtp    payload type to its raw format parameters ("packetization-mode=1;profile-level-id=42c01f")
 * @param attributes other attributes by name, first value wins ("framesize" to "96 1920-1080", "control", ...)
 */
public record SdpMedia(String type, List<String> formats, Map<String, String> rtpmap, Map<String, String> fmtp,
                       Map<String, String> attributes) {

    /** RTP static payload types that cameras send without an rtpmap (RFC 3551 Table 5). */
    private static final Map<String, String> STATIC_VIDEO_TYPES = Map.of(
            "26", "JPEG", "31", "H261", "32", "MPV", "33", "MP2T", "34", "H263");
    private static final Map<String, String> STATIC_AUDIO_TYPES = Map.of(
            "0", "PCMU", "8", "PCMA", "9", "G722", "14", "MPA");

    public SdpMedia {
        formats = List.copyOf(formats);
        rtpmap = Map.copyOf(rtpmap);
        fmtp = Map.copyOf(fmtp);
        attributes = Map.copyOf(attributes);
    }

    public boolean isVideo() {
        return "video".equals(type);
    }

    /** The first payload type of the m= line, the one a client would pick; "" if the line listed none. */
    public String firstFormat() {
        return formats.isEmpty() ? "" : formats.get(0);
    }

    /** Encoding name of the first format, upper case ("H264", "JPEG", "PCMA"); "" if unknown. */
    public String encodingName() {
        String format = firstFormat();
        String map = rtpmap.get(format);
        if (map != null) {
            int slash = map.indexOf('/');
            return (slash < 0 ? map : map.substring(0, slash)).trim().toUpperCase(Locale.ROOT);
        }
        String known = (isVideo() ? STATIC_VIDEO_TYPES : STATIC_AUDIO_TYPES).get(format);
        return known == null ? "" : known;
    }

    /** The first format's fmtp parameters, keys lower case ("profile-level-id" to "42c01f"). */
    public Map<String, String> formatParameters() {
        String raw = fmtp.get(firstFormat());
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String part : raw.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return params;
    }
}
