package io.streampulse.streamer.rtsp;

/**
 * One playing client of one stream. A client whose connection cannot take more (Netty's write buffer above its
 * high-water mark) skips units until the next keyframe, so it never holds the others back; it asks for that
 * keyframe once it can take data again (asking while it is stalled would turn every frame into a keyframe for all).
 */
abstract class RtpSink {

    private final MediaStream stream;
    private boolean waitingForKeyframe = true;
    private boolean askedForKeyframe;
    private long packets;
    private long octets;
    private long dropped;

    RtpSink(MediaStream stream) {
        this.stream = stream;
    }

    final synchronized void send(PacketizedUnit unit) {
        if (!writable()) {
            waitingForKeyframe = true;
            askedForKeyframe = false;
            dropped++;
            return;
        }
        if (waitingForKeyframe && !unit.keyframe()) {
            if (dropped > 0 && !askedForKeyframe) {
                askedForKeyframe = true;
                stream.requestKeyframe();
            }
            return;
        }
        waitingForKeyframe = false;
        for (byte[] packet : unit.packets()) {
            writeRtp(packet);
            packets++;
            octets += packet.length - RtpH264Packetizer.HEADER;
        }
        flush();
    }

    final synchronized void sendReport(long wallMillis) {
        writeRtcp(RtcpSenderReport.build(stream.ssrc(), wallMillis, stream.rtpTimestamp(wallMillis), packets,
                octets));
        flush();
    }

    final synchronized long dropped() {
        return dropped;
    }

    abstract boolean writable();

    abstract void writeRtp(byte[] packet);

    abstract void writeRtcp(byte[] packet);

    abstract void flush();
}
