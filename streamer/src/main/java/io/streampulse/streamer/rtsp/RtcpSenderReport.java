package io.streampulse.streamer.rtsp;

/** An RTCP sender report without report blocks (pure; RFC 3550 §6.4.1), 28 bytes. */
public final class RtcpSenderReport {

    /** Seconds from 1900 (NTP) to 1970 (Unix). */
    static final long NTP_OFFSET = 2_208_988_800L;

    private RtcpSenderReport() {
    }

    public static byte[] build(int ssrc, long wallMillis, int rtpTimestamp, long packets, long octets) {
        byte[] report = new byte[28];
        report[0] = (byte) 0x80;
        report[1] = (byte) 200;
        report[3] = 6;
        RtpH264Packetizer.putInt(report, 4, ssrc);
        long seconds = wallMillis / 1000 + NTP_OFFSET;
        long fraction = ((wallMillis % 1000) << 32) / 1000;
        RtpH264Packetizer.putInt(report, 8, (int) seconds);
        RtpH264Packetizer.putInt(report, 12, (int) fraction);
        RtpH264Packetizer.putInt(report, 16, rtpTimestamp);
        RtpH264Packetizer.putInt(report, 20, (int) packets);
        RtpH264Packetizer.putInt(report, 24, (int) octets);
        return report;
    }
}
