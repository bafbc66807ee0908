package io.streampulse.streamer.rtsp;

import java.util.Locale;
import java.util.Optional;

/**
 * A client's Transport header (pure): RTP over TCP interleaved or UDP unicast. The first offered transport we
 * support wins (clients list them in preference order). Multicast and RECORD are not offered by this server.
 *
 * @param tcp      interleaved in the RTSP connection
 * @param rtp      the interleaved channel or the client's RTP port
 * @param rtcp     the interleaved channel or the client's RTCP port
 */
public record RtspTransport(boolean tcp, int rtp, int rtcp) {

    public static Optional<RtspTransport> choose(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String offer : header.split(",")) {
            Optional<RtspTransport> parsed = parseOne(offer.strip());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private static Optional<RtspTransport> parseOne(String offer) {
        String[] parts = offer.split(";");
        String protocol = parts[0].strip().toUpperCase(Locale.ROOT);
        boolean tcp = protocol.equals("RTP/AVP/TCP");
        if (!tcp && !protocol.equals("RTP/AVP") && !protocol.equals("RTP/AVP/UDP")) {
            return Optional.empty();
        }
        int[] pair = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip().toLowerCase(Locale.ROOT);
            if (part.equals("multicast") || part.startsWith("mode=") && !part.contains("play")) {
                return Optional.empty();
            }
            if (tcp && part.startsWith("interleaved=") || !tcp && part.startsWith("client_port=")) {
                pair = pair(part.substring(part.indexOf('=') + 1));
                if (pair == null) {
                    return Optional.empty();
                }
            }
        }
        if (pair == null) {
            return tcp ? Optional.of(new RtspTransport(true, 0, 1)) : Optional.empty();
        }
        return Optional.of(new RtspTransport(tcp, pair[0], pair[1]));
    }

    /** "a-b" or "a" (then b = a + 1); null when malformed or out of range. */
    private static int[] pair(String value) {
        try {
            String[] ends = value.split("-", 2);
            int first = Integer.parseInt(ends[0].strip());
            int second = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : first + 1;
            int max = 65_535;
            return first < 0 || second < 0 || first > max || second > max ? null : new int[] {first, second};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The answer's Transport header; for UDP {@code serverRtp}/{@code serverRtcp} are our ports. */
    public String reply(int ssrc, int serverRtp, int serverRtcp) {
        String ssrcHex = String.format("%08X", ssrc);
        return tcp ? "RTP/AVP/TCP;unicast;interleaved=" + rtp + "-" + rtcp + ";ssrc=" + ssrcHex
                : "RTP/AVP;unicast;client_port=" + rtp + "-" + rtcp + ";server_port=" + serverRtp + "-" + serverRtcp
                + ";ssrc=" + ssrcHex;
    }
}
