package io.streampulse.streamer.rtsp;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RTSP server (RFC 2326 as NVRs, FFmpeg, GStreamer and VLC use it) on Netty: one event-loop thread for the
 * control connections, interleaved RTP and the two UDP ports. Streams are addressed by path.
 */
public final class RtspServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspServer.class);
    /** A client whose unsent data passes the high mark skips frames until it drained below the low one. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024);

    private final int port;
    private final Map<String, MediaStream> streams;
    private final RtspAuth auth;
    private final long sessionTimeoutMillis;
    private final String sessionName;
    private final Set<RtspConnectionHandler> connections = ConcurrentHashMap.newKeySet();
    /** UDP clients by their RTCP address, so receiver reports keep their session alive. */
    private final Map<InetSocketAddress, RtspConnectionHandler> udpClients = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Channel listener;
    private Channel rtp;
    private Channel rtcp;

    /**
     * @param streams              by path (without the leading slash)
     * @param sessionTimeoutMillis a session without requests or RTCP for this long is closed; clients are told
     *                             5 s less, as gortsplib does, because some keep alive only at the timeout
     */
    public RtspServer(int port, Map<String, MediaStream> streams, RtspAuth auth, long sessionTimeoutMillis,
                      String sessionName) {
        this.port = port;
        this.streams = Map.copyOf(streams);
        this.auth = auth;
        this.sessionTimeoutMillis = sessionTimeoutMillis;
        this.sessionName = sessionName;
    }

    public void start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        rtp = udp();
        rtcp = udp();
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new RtspMessageFramer(), new RtspDecoder(), new RtspEncoder(),
                                new HttpObjectAggregator(RtspMessageFramer.MAX_BODY),
                                new RtspConnectionHandler(RtspServer.this));
                    }
                }).bind(port).sync().channel();
        LOG.info("RTSP: listening on port {} (UDP RTP {}, RTCP {}), paths {}", port(), udpPorts()[0], udpPorts()[1],
                streams.keySet());
    }

    private Channel udp() throws InterruptedException {
        return new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_SNDBUF, 1024 * 1024)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        RtspConnectionHandler client = udpClients.get(packet.sender());
                        if (client != null) {
                            client.touch();
                        }
                    }
                }).bind(0).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    int[] udpPorts() {
        return new int[] {((InetSocketAddress) rtp.localAddress()).getPort(),
                ((InetSocketAddress) rtcp.localAddress()).getPort()};
    }

    Channel rtpChannel() {
        return rtp;
    }

    Channel rtcpChannel() {
        return rtcp;
    }

    MediaStream stream(String uri) {
        return RtspPaths.resolve(uri, streams).orElse(null);
    }

    RtspAuth auth() {
        return auth;
    }

    long sessionTimeoutMillis() {
        return sessionTimeoutMillis;
    }

    String sessionName() {
        return sessionName;
    }

    void opened(RtspConnectionHandler connection) {
        connections.add(connection);
    }

    void closed(RtspConnectionHandler connection) {
        connections.remove(connection);
        udpClients.values().removeIf(client -> client == connection);
    }

    void udpClient(InetSocketAddress rtcpAddress, RtspConnectionHandler connection) {
        udpClients.put(rtcpAddress, connection);
    }

    /** What /status shows: one entry per connected client. */
    public List<Map<String, Object>> clients() {
        return connections.stream().map(RtspConnectionHandler::describe).toList();
    }

    @Override
    public void close() {
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
