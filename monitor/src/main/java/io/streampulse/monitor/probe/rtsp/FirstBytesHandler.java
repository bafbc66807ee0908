package io.streampulse.monitor.probe.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;

/**
 * Keeps a copy of the first bytes the server sent and ends the check at once if they are not text.
 * Why: when the RTSP decoder gives up (an HTTP server, SSH), its error says little, while the server's first
 * line ("HTTP/1.1 400 Bad Request", "SSH-2.0-...") tells the user what listens instead; and a binary answer
 * (a TLS alert) has no line end, so the decoder would wait for one until the timeout.
 */
final class FirstBytesHandler extends ChannelInboundHandlerAdapter {

    static final String NAME = "first-bytes";
    private static final int KEEP = 64;

    private final RtspCheck check;
    private byte[] first = new byte[0];

    FirstBytesHandler(RtspCheck check) {
        this.check = check;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && first.length < KEEP && buf.isReadable()) {
            boolean startOfAnswer = first.length == 0;
            int take = Math.min(KEEP - first.length, buf.readableBytes());
            int start = first.length;
            first = Arrays.copyOf(first, start + take);
            buf.getBytes(buf.readerIndex(), first, start, take);
            if (startOfAnswer && !isText(first[0])) {
                ReferenceCountUtil.release(msg);
                check.finish(RtspVerdict.down(RtspFailureMessages.notRtsp(first)));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** An RTSP answer starts with "RTSP/"; any text protocol starts with a printable character. */
    private static boolean isText(byte b) {
        return (b >= 0x20 && b < 0x7f) || b == '\r' || b == '\n' || b == '\t';
    }

    byte[] firstBytes() {
        return first.clone();
    }
}
