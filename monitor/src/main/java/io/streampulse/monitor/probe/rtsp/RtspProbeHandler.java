package io.streampulse.monitor.probe.rtsp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one {@link RtspDialog} over one connection: sends its requests, feeds it the decoded answers and
 * hands every way the connection can end to the {@link RtspCheck}. New instance per channel (it holds state).
 */
final class RtspProbeHandler extends SimpleChannelInboundHandler<FullHttpMessage> {

    static final String NAME = "rtsp-probe";

    private final RtspDialog dialog;
    private final RtspCheck check;
    private final FirstBytesHandler firstBytes;
    private final boolean tls;

    RtspProbeHandler(RtspDialog dialog, RtspCheck check, FirstBytesHandler firstBytes, boolean tls) {
        this.dialog = dialog;
        this.check = check;
        this.firstBytes = firstBytes;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        check.connected(tls);
        send(ctx, dialog.start()); // over TLS the SslHandler holds it until the handshake is done
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                check.handshakeDone();
            } else {
                check.finish(RtspVerdict.down(RtspFailureMessages.of(handshake.cause())));
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpMessage msg) {
        if (msg.decoderResult().isFailure()) {
            check.finish(RtspVerdict.down(RtspFailureMessages.notRtsp(firstBytes.firstBytes())));
            return;
        }
        if (msg instanceof FullHttpRequest) {
            return; // a server may send requests (GET_PARAMETER, ANNOUNCE); none of them answers ours
        }
        FullHttpResponse response = (FullHttpResponse) msg;
        RtspDialog.Step step = dialog.onReply(toReply(response));
        if (step instanceof RtspDialog.Send next) {
            send(ctx, next.request());
        } else if (step instanceof RtspDialog.Decide decide) {
            check.finish(decide.verdict());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        check.finish(RtspVerdict.down(RtspFailureMessages.of(cause)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        check.finish(RtspVerdict.down(RtspFailureMessages.closed(firstBytes.firstBytes())));
    }

    private void send(ChannelHandlerContext ctx, RtspRequest request) {
        DefaultFullHttpRequest out = new DefaultFullHttpRequest(RtspVersions.RTSP_1_0,
                RtspMethods.valueOf(request.method()), request.uri(), Unpooled.EMPTY_BUFFER);
        request.headers().forEach(out.headers()::add);
        check.awaiting(request.method());
        ctx.writeAndFlush(out).addListener(written -> {
            if (!written.isSuccess()) {
                check.finish(RtspVerdict.down(RtspFailureMessages.of(written.cause())));
            }
        });
    }

    private static RtspReply toReply(FullHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        return new RtspReply(response.status().code(), response.status().reasonPhrase(), headers,
                response.content().toString(StandardCharsets.UTF_8));
    }
}
