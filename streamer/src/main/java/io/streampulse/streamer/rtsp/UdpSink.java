package io.streampulse.streamer.rtsp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/** RTP and RTCP as datagrams from the server's two UDP ports to the client's (RFC 2326 §12.39 client_port). */
final class UdpSink extends RtpSink {

    private final Channel rtp;
    private final Channel rtcp;
    private final InetSocketAddress clientRtp;
    private final InetSocketAddress clientRtcp;

    UdpSink(MediaStream stream, Channel rtp, Channel rtcp, InetSocketAddress clientRtp, InetSocketAddress clientRtcp) {
        super(stream);
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.clientRtp = clientRtp;
        this.clientRtcp = clientRtcp;
    }

    @Override
    boolean writable() {
        return rtp.isWritable();
    }

    @Override
    void writeRtp(byte[] packet) {
        rtp.write(new DatagramPacket(Unpooled.wrappedBuffer(packet), clientRtp), rtp.voidPromise());
    }

    @Override
    void writeRtcp(byte[] packet) {
        rtcp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), clientRtcp), rtcp.voidPromise());
    }

    @Override
    void flush() {
        rtp.flush();
    }
}
