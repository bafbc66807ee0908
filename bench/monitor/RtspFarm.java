import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fake cameras for bench/monitor: N RTSP listeners answering OPTIONS and DESCRIBE (with a real H.264 SDP). */
final class RtspFarm implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Channel> listeners = new ArrayList<>();
    private final byte[] sdp;

    RtspFarm(int endpoints, String sdp) throws InterruptedException {
        this.sdp = sdp.getBytes(StandardCharsets.US_ASCII);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new RtspDecoder(), new HttpObjectAggregator(64 * 1024),
                                new RtspEncoder(), new Answer());
                    }
                });
        for (int i = 0; i < endpoints; i++) {
            listeners.add(bootstrap.bind("127.0.0.1", 0).sync().channel());
        }
    }

    List<Integer> ports() {
        return listeners.stream().map(c -> ((InetSocketAddress) c.localAddress()).getPort()).toList();
    }

    @Override
    public void close() {
        listeners.forEach(Channel::close);
        group.shutdownGracefully();
    }

    private final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean describe = request.method().equals(RtspMethods.DESCRIBE);
            FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, RtspResponseStatuses.OK,
                    describe ? Unpooled.wrappedBuffer(sdp) : Unpooled.EMPTY_BUFFER);
            response.headers().set(RtspHeaderNames.CSEQ, request.headers().get(RtspHeaderNames.CSEQ, "0"));
            if (describe) {
                response.headers().set(RtspHeaderNames.CONTENT_TYPE, "application/sdp");
                response.headers().set(RtspHeaderNames.CONTENT_BASE, request.uri() + "/");
            } else {
                response.headers().set(RtspHeaderNames.PUBLIC, "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN");
            }
            response.headers().set(RtspHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response);
        }
    }
}
