package io.streampulse.streamer.rtsp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/** RTP and RTCP framed as {@code $ channel length} inside the RTSP connection (RFC 2326 §10.12). */
final class TcpInterleavedSink extends RtpSink {

    private final Channel channel;
    private final int rtpChannel;
    private final int rtcpChannel;

    TcpInterleavedSink(MediaStream stream, Channel channel, int rtpChannel, int rtcpChannel) {
        super(stream);
        this.channel = channel;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
    }

    @Override
    boolean writable() {
        return channel.isActive() && channel.isWritable();
    }

    @Override
    void writeRtp(byte[] packet) {
        write(rtpChannel, packet);
    }

    @Override
    void writeRtcp(byte[] packet) {
        write(rtcpChannel, packet);
    }

    private void write(int interleaved, byte[] packet) {
        byte[] prefix = {'$', (byte) interleaved, (byte) (packet.length >> 8), (byte) packet.length};
        channel.write(Unpooled.wrappedBuffer(prefix, packet), channel.voidPromise());
    }

    @Override
    void flush() {
        channel.flush();
    }
}
