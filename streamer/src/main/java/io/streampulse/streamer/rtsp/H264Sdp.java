package io.streampulse.streamer.rtsp;

import java.util.Base64;
import java.util.HexFormat;

/** The SDP a DESCRIBE answers for one H.264 track (pure; RFC 6184 §8.1, session lines as gortsplib writes them). */
public final class H264Sdp {

    public static final int PAYLOAD_TYPE = 96;

    private H264Sdp() {
    }

    /** {@code packetization-mode=1;profile-level-id=<SPS[1..3]>;sprop-parameter-sets=<SPS>,<PPS>}. */
    public static String fmtp(byte[] sps, byte[] pps) {
        if (sps.length < 4) {
            throw new IllegalArgumentException("SPS too short for a profile-level-id: " + sps.length + " bytes");
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return "packetization-mode=1;profile-level-id=" + HexFormat.of().withUpperCase().formatHex(sps, 1, 4)
                + ";sprop-parameter-sets=" + base64.encodeToString(sps) + "," + base64.encodeToString(pps);
    }

    /**
     * @param frameRate the nominal rate, as {@code a=framerate} (RFC 4566): libavformat takes it as the stream's
     *                  average rate, one of the two rates it needs before it stops probing and shows a picture
     */
    public static String describe(String sessionName, byte[] sps, byte[] pps, long sessionId, int frameRate) {
        return "v=0\r\n"
                + "o=- " + sessionId + " 1 IN IP4 127.0.0.1\r\n"
                + "s=" + sessionName + "\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\n"
                + "m=video 0 RTP/AVP " + PAYLOAD_TYPE + "\r\n"
                + "a=control:trackID=0\r\n"
                + "a=rtpmap:" + PAYLOAD_TYPE + " H264/90000\r\n"
                + "a=fmtp:" + PAYLOAD_TYPE + " " + fmtp(sps, pps) + "\r\n"
                + "a=framerate:" + frameRate + "\r\n"
                + "a=recvonly\r\n";
    }
}
