package io.streampulse.streamer.rtsp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One RTSP control connection and the (single-track) session on it: OPTIONS, DESCRIBE, SETUP, PLAY,
 * GET_PARAMETER, TEARDOWN. Runs on the connection's event loop. The session ends with TEARDOWN, the connection,
 * or after the session timeout without a request, an interleaved packet or a UDP receiver report. Header names
 * are written in RFC 2326 case (Netty's constants are lower case, which some camera clients match exactly).
 */
final class RtspConnectionHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RtspConnectionHandler.class);
    static final String PUBLIC = "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN";
    static final long REPORT_INTERVAL_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RtspServer server;
    private ChannelHandlerContext ctx;
    private String remote = "?";
    private volatile long lastActivity = System.currentTimeMillis();
    private String sessionId;
    private MediaStream stream;
    private RtspTransport transport;
    private RtpSink sink;
    private ScheduledFuture<?> reports;
    private ScheduledFuture<?> expiry;

    RtspConnectionHandler(RtspServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        remote = String.valueOf(context.channel().remoteAddress());
        server.opened(this);
        long period = Math.max(100, server.sessionTimeoutMillis() / 4);
        expiry = context.executor().scheduleAtFixedRate(this::expireIfIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        stopPlaying();
        expiry.cancel(false);
        server.closed(this);
    }

    /** Any sign of life from the client. */
    void touch() {
        lastActivity = System.currentTimeMillis();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, Object message) {
        touch();
        if (message instanceof FullHttpRequest request) {
            handle(request);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.warn("RTSP {}: {}; closing the connection", remote, cause.getMessage());
        respond(null, RtspResponseStatuses.BAD_REQUEST, null).addListener(ChannelFutureListener.CLOSE);
    }

    private void handle(FullHttpRequest request) {
        String cseq = request.headers().get("CSeq");
        if (request.decoderResult().isFailure() || cseq == null) {
            LOG.warn("RTSP {}: malformed request ({}); closing the connection", remote,
                    request.decoderResult().isFailure() ? request.decoderResult().cause().getMessage() : "no CSeq");
            respond(cseq, RtspResponseStatuses.BAD_REQUEST, null).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String method = request.method().name();
        if (!method.equals("OPTIONS") && !server.auth().allows(method, request.headers().get("Authorization"))) {
            FullHttpResponse denied = response(cseq, RtspResponseStatuses.UNAUTHORIZED, null);
            server.auth().challenges().forEach(value -> denied.headers().add("WWW-Authenticate", value));
            ctx.writeAndFlush(denied);
            return;
        }
        String session = request.headers().get("Session");
        if (session != null && sessionId != null && !session.split(";")[0].strip().equals(sessionId)) {
            respond(cseq, RtspResponseStatuses.SESSION_NOT_FOUND, null);
            return;
        }
        switch (method) {
            case "OPTIONS" -> {
                FullHttpResponse response = response(cseq, RtspResponseStatuses.OK, null);
                response.headers().set("Public", PUBLIC);
                ctx.writeAndFlush(response);
            }
            case "DESCRIBE" -> describe(cseq, request.uri());
            case "SETUP" -> setup(cseq, request);
            case "PLAY" -> play(cseq, request.uri());
            case "GET_PARAMETER" -> {
                FullHttpResponse response = response(cseq, RtspResponseStatuses.OK, null);
                response.headers().set("Content-Type", "text/parameters");
                ctx.writeAndFlush(response);
            }
            case "TEARDOWN" -> {
                stopPlaying();
                sessionId = null;
                transport = null;
                respond(cseq, RtspResponseStatuses.OK, null);
            }
            default -> respond(cseq, RtspResponseStatuses.NOT_IMPLEMENTED, null);
        }
    }

    private void describe(String cseq, String uri) {
        MediaStream target = server.stream(uri);
        if (target == null) {
            respond(cseq, RtspResponseStatuses.NOT_FOUND, null);
            return;
        }
        Optional<String> sdp = target.sdp(server.sessionName());
        if (sdp.isEmpty()) {
            respond(cseq, RtspResponseStatuses.SERVICE_UNAVAILABLE, null);
            return;
        }
        FullHttpResponse response = response(cseq, RtspResponseStatuses.OK, sdp.get());
        response.headers().set("Content-Type", "application/sdp");
        response.headers().set("Content-Base", uri.endsWith("/") ? uri : uri + "/");
        ctx.writeAndFlush(response);
    }

    private void setup(String cseq, FullHttpRequest request) {
        MediaStream target = server.stream(request.uri());
        if (target == null) {
            respond(cseq, RtspResponseStatuses.NOT_FOUND, null);
            return;
        }
        Optional<RtspTransport> offered = RtspTransport.choose(request.headers().get("Transport"));
        if (offered.isEmpty()) {
            respond(cseq, RtspResponseStatuses.UNSUPPORTED_TRANSPORT, null);
            return;
        }
        if (sink != null) {
            respond(cseq, RtspResponseStatuses.METHOD_NOT_VALID, null);
            return;
        }
        stream = target;
        transport = offered.get();
        if (sessionId == null) {
            byte[] id = new byte[8];
            RANDOM.nextBytes(id);
            sessionId = HexFormat.of().formatHex(id);
        }
        int[] udp = server.udpPorts();
        FullHttpResponse response = response(cseq, RtspResponseStatuses.OK, null);
        response.headers().set("Transport", transport.reply(stream.ssrc(), udp[0], udp[1]));
        ctx.writeAndFlush(response);
    }

    private void play(String cseq, String uri) {
        if (transport == null) {
            respond(cseq, RtspResponseStatuses.METHOD_NOT_VALID, null);
            return;
        }
        if (sink == null) {
            sink = transport.tcp() ? new TcpInterleavedSink(stream, ctx.channel(), transport.rtp(), transport.rtcp())
                    : udpSink();
        }
        int[] first = stream.nextPacketInfo();
        FullHttpResponse response = response(cseq, RtspResponseStatuses.OK, null);
        response.headers().set("Range", "npt=0.000-");
        String base = uri.endsWith("/") ? uri : uri + "/";
        response.headers().set("RTP-Info", "url=" + base + "trackID=0;seq=" + first[0] + ";rtptime="
                + Integer.toUnsignedString(first[1]));
        ctx.writeAndFlush(response);
        stream.attach(sink);
        reports = ctx.executor().scheduleAtFixedRate(() -> sink.sendReport(System.currentTimeMillis()),
                REPORT_INTERVAL_MILLIS, REPORT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("RTSP {}: playing {} over {}", remote, stream.profile(), transport.tcp() ? "TCP" : "UDP");
    }

    private RtpSink udpSink() {
        InetSocketAddress address = (InetSocketAddress) ctx.channel().remoteAddress();
        InetSocketAddress rtcp = new InetSocketAddress(address.getAddress(), transport.rtcp());
        server.udpClient(rtcp, this);
        return new UdpSink(stream, server.rtpChannel(), server.rtcpChannel(),
                new InetSocketAddress(address.getAddress(), transport.rtp()), rtcp);
    }

    private void stopPlaying() {
        if (sink != null) {
            stream.detach(sink);
            sink = null;
        }
        if (reports != null) {
            reports.cancel(false);
            reports = null;
        }
    }

    private void expireIfIdle() {
        long idle = System.currentTimeMillis() - lastActivity;
        if (idle > server.sessionTimeoutMillis()) {
            LOG.info("RTSP {}: no request or report for {} ms; closing the session", remote, idle);
            ctx.close();
        }
    }

    Map<String, Object> describe() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("remote", remote);
        RtpSink playing = sink;
        MediaStream playingStream = stream;
        client.put("profile", playingStream == null ? "" : playingStream.profile());
        client.put("transport", transport == null ? "" : transport.tcp() ? "tcp" : "udp");
        client.put("playing", playing != null);
        client.put("dropped_frames", playing == null ? 0 : playing.dropped());
        return client;
    }

    private io.netty.channel.ChannelFuture respond(String cseq, HttpResponseStatus status, String body) {
        return ctx.writeAndFlush(response(cseq, status, body));
    }

    private FullHttpResponse response(String cseq, HttpResponseStatus status, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status,
                Unpooled.wrappedBuffer(bytes));
        if (cseq != null) {
            response.headers().set("CSeq", cseq);
        }
        response.headers().set("Server", "StreamPulse streamer");
        response.headers().setInt("Content-Length", bytes.length);
        if (sessionId != null) {
            long advertised = Math.max(1, server.sessionTimeoutMillis() / 1000 - 5);
            response.headers().set("Session", sessionId + ";timeout=" + advertised);
        }
        return response;
    }
}
