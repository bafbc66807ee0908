package io.streampulse.monitor.probe.rtsp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a DESCRIBE answer offers (pure): the media sections of the SDP and the first video track's format.
 * Never throws: a body that is not SDP gives no media, which the probe reports as "no video track".
 *
 * @param media every m= section in order
 * @param video the format of the first video section, if there is one
 */
public record SdpSummary(List<SdpMedia> media, Optional<VideoFormat> video) {

    public SdpSummary {
        media = List.copyOf(media);
    }

    public static SdpSummary parse(String sdp) {
        List<SdpMedia> media = new ArrayList<>();
        MediaBuilder current = null;
        for (String rawLine : sdp.split("\r?\n")) {
            String line = rawLine.trim();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue; // not an SDP line: tolerated, like every client does
            }
            char kind = line.charAt(0);
            String value = line.substring(2);
            if (kind == 'm') {
                if (current != null) {
                    media.add(current.build());
                }
                current = new MediaBuilder(value);
            } else if (kind == 'a' && current != null) {
                current.attribute(value);
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        Optional<VideoFormat> video = media.stream().filter(SdpMedia::isVideo).findFirst().map(VideoFormat::of);
        return new SdpSummary(media, video);
    }

    /** "video H264, audio PCMA": each section's type and first encoding, for the result details. */
    public String describeTracks() {
        List<String> parts = new ArrayList<>();
        for (SdpMedia m : media) {
            String encoding = m.encodingName();
            parts.add(encoding.isEmpty() ? m.type() : m.type() + " " + encoding);
        }
        return String.join(", ", parts);
    }

    /** Accumulates one m= section: "video 0 RTP/AVP 96 97" and its a= lines. */
    private static final class MediaBuilder {
        private final String type;
        private final List<String> formats = new ArrayList<>();
        private final Map<String, String> rtpmap = new HashMap<>();
        private final Map<String, String> fmtp = new HashMap<>();
        private final Map<String, String> attributes = new HashMap<>();

        MediaBuilder(String mLine) {
            String[] fields = mLine.trim().split("\\s+");
            type = fields[0].toLowerCase(Locale.ROOT);
            for (int i = 3; i < fields.length; i++) {
                formats.add(fields[i]);
            }
        }

        void attribute(String value) {
            int colon = value.indexOf(':');
            String name = (colon < 0 ? value : value.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            String rest = colon < 0 ? "" : value.substring(colon + 1).trim();
            if (name.equals("rtpmap") || name.equals("fmtp")) {
                int space = rest.indexOf(' ');
                if (space > 0) {
                    (name.equals("rtpmap") ? rtpmap : fmtp).putIfAbsent(rest.substring(0, space),
                            rest.substring(space + 1).trim());
                }
            } else {
                attributes.putIfAbsent(name, rest);
            }
        }

        SdpMedia build() {
            return new SdpMedia(type, formats, rtpmap, fmtp, attributes);
        }
    }
}
