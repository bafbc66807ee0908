package io.streampulse.monitor.probe.rtsp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The video a camera offers, as far as its SDP tells (pure value).
 *
 * @param codec   "H264", "H265", "MJPEG", "MPEG4", ... or the rtpmap encoding name; "unknown" if none
 * @param profile H.264 profile name, or null
 * @param level   H.264 level ("4.1"), or null
 * @param width   pixels, 0 if the SDP does not tell
 * @param height  pixels, 0 if the SDP does not tell
 */
public record VideoFormat(String codec, String profile, String level, int width, int height) {

    private static final Map<String, String> CODEC_NAMES = Map.of(
            "H264", "H264", "H265", "H265", "HEVC", "H265", "JPEG", "MJPEG", "MP4V-ES", "MPEG4",
            "H263-1998", "H263", "H263-2000", "H263");
    /** a=framesize:96 1920-1080 (Hikvision, Dahua and others). */
    private static final Pattern FRAMESIZE = Pattern.compile("\\S+\\s+(\\d{1,5})-(\\d{1,5})");
    /** a=x-dimensions:1920,1080 (Axis, Live555-based servers). */
    private static final Pattern X_DIMENSIONS = Pattern.compile("(\\d{1,5})\\s*,\\s*(\\d{1,5})");

    public boolean hasResolution() {
        return width > 0 && height > 0;
    }

    /** "H264 Main 1920x1080", leaving out what is unknown. */
    public String summary() {
        List<String> parts = new ArrayList<>(List.of(codec));
        if (profile != null) {
            parts.add(profile);
        }
        if (hasResolution()) {
            parts.add(width + "x" + height);
        }
        return String.join(" ", parts);
    }

    static VideoFormat of(SdpMedia media) {
        String encoding = media.encodingName();
        String codec = encoding.isEmpty() ? "unknown" : CODEC_NAMES.getOrDefault(encoding, encoding);
        Map<String, String> params = media.formatParameters();
        String profile = null;
        String level = null;
        int width = 0;
        int height = 0;
        if (codec.equals("H264")) {
            // the SPS is what the decoder will use; the declared profile-level-id is only a fallback (go2rtc #155)
            Optional<H264Sps> sps = spsFrom(params.get("sprop-parameter-sets"));
            if (sps.isPresent()) {
                profile = sps.get().profile();
                level = sps.get().level();
                width = sps.get().width();
                height = sps.get().height();
            } else if (params.containsKey("profile-level-id")) {
                int[] idc = profileLevelId(params.get("profile-level-id"));
                if (idc != null) {
                    profile = H264Profiles.profileName(idc[0], idc[1]);
                    level = H264Profiles.levelName(idc[0], idc[1], idc[2]);
                }
            }
        }
        if (width == 0) {
            int[] size = declaredSize(media.attributes());
            width = size[0];
            height = size[1];
        }
        return new VideoFormat(codec, profile, level, width, height);
    }

    /** The first parameter set that is an SPS (NAL type 7), parsed; empty if none parses. */
    private static Optional<H264Sps> spsFrom(String spropParameterSets) {
        if (spropParameterSets == null) {
            return Optional.empty();
        }
        for (String b64 : spropParameterSets.split(",")) {
            try {
                byte[] nal = Base64.getDecoder().decode(b64.trim());
                if (nal.length > 0 && (nal[0] & 0x1f) == 7) {
                    return Optional.of(H264SpsParser.parse(nal));
                }
            } catch (IllegalArgumentException notBase64OrBadSps) {
                // try the next one; a broken SPS only costs us the resolution
            }
        }
        return Optional.empty();
    }

    private static int[] profileLevelId(String hex) {
        if (hex.length() != 6) {
            return null;
        }
        try {
            byte[] b = HexFormat.of().parseHex(hex);
            return new int[] {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int[] declaredSize(Map<String, String> attributes) {
        for (Map.Entry<String, Pattern> source : List.of(Map.entry("framesize", FRAMESIZE),
                Map.entry("x-dimensions", X_DIMENSIONS))) {
            String value = attributes.get(source.getKey());
            Matcher m = value == null ? null : source.getValue().matcher(value.trim());
            if (m != null && m.matches()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        }
        return new int[] {0, 0};
    }
}
