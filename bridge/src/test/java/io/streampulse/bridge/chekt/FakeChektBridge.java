package io.streampulse.bridge.chekt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.streampulse.testkit.FreePorts;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CHEKT bridge's local event API as yolink-chekt uses it (yolink-chekt.md §4), on a real socket:
 * {@code POST /api/v1/events} with {@code Authorization: Basic base64("apikey:" + token)} and a JSON body
 * {@code {"target_channel":"<zone>","event_description":"<text>"}}. A wrong or missing token gets 401, another
 * method 405, a body without both fields or not sent as JSON 400, a good event 200; another path 404. Scriptable:
 * the next N events answer a given status or hang (no answer until the bridge closes).
 * Netty's HTTP codec with the handler on one event loop thread: the JDK HttpServer it replaced handed every request
 * to a pool thread (~0.3 ms CPU a request), which in bench/bridge took CPU from the bridge under test.
 */
public final class FakeChektBridge implements AutoCloseable {

    static final String PATH = "/api/v1/events";

    private static final Pattern CHANNEL = Pattern.compile("\"target_channel\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TEXT = Pattern.compile("\"event_description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One event the bridge accepted (answered 2xx). */
    public record Event(String zone, String text, String authorization) {
    }

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("fake-chekt", true), NioIoHandler.newFactory());
    private final Channel server;
    private final String expectedAuthorization;
    // not copy-on-write: a bench run appends ~10,000 events, and a copy per append was quadratic
    private final List<Event> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean recording = true;
    private final AtomicInteger scriptedLeft = new AtomicInteger();
    private volatile int scriptedStatus;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private volatile boolean closeAfterAnswer;

    /** @param token the API token the bridge expects; empty: no authentication */
    public FakeChektBridge(String token) {
        this.expectedAuthorization = token.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString(("apikey:" + token).getBytes(StandardCharsets.UTF_8));
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                // each answer is one write; without it a small answer could wait for the client's delayed ACK
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new Events());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", FreePorts.next())).syncUninterruptibly().channel();
    }

    public String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The next {@code count} events get {@code status} (0: no answer at all) instead of being accepted. */
    public void answerNext(int count, int status) {
        scriptedStatus = status;
        scriptedLeft.set(count);
    }

    public List<Event> accepted() {
        return List.copyOf(accepted);
    }

    /** Off: events are answered but not kept in {@link #accepted} (the bench: see FakeSiaReceiver#recording). */
    public void recording(boolean on) {
        recording = on;
    }

    /** The client ports requests came from: one per TCP connection the bridge was sent over. */
    public int connections() {
        return clientPorts.size();
    }

    /** Answers with {@code Connection: close} and then closes the connection, as a bridge without keep-alive. */
    public void closeAfterEachAnswer() {
        closeAfterAnswer = true;
    }

    /** Every request that reached the endpoint, accepted or not. */
    public int requests() {
        return requests.get();
    }

    /** The endpoint, on the event loop. */
    private final class Events extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = request.uri().split("\\?", 2)[0];
            if (!path.startsWith(PATH)) {
                respond(ctx, request, HttpResponseStatus.NOT_FOUND, "{\"error\":\"not found\"}");
                return;
            }
            requests.incrementAndGet();
            clientPorts.add(((InetSocketAddress) ctx.channel().remoteAddress()).getPort());
            String body = request.content().toString(StandardCharsets.UTF_8);
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            if (!HttpMethod.POST.equals(request.method())) {
                respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":\"method not allowed\"}");
                return;
            }
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                respond(ctx, request, HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (scriptedLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                if (scriptedStatus != 0) {
                    respond(ctx, request, HttpResponseStatus.valueOf(scriptedStatus),
                            "{\"error\":\"scripted failure\"}");
                }
                return; // status 0: no answer at all; the connection stays open until the bridge closes
            }
            Matcher zone = CHANNEL.matcher(body);
            Matcher text = TEXT.matcher(body);
            String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (!zone.find() || !text.find() || contentType == null || !contentType.startsWith("application/json")) {
                respond(ctx, request, HttpResponseStatus.BAD_REQUEST,
                        "{\"error\":\"target_channel and event_description required\"}");
                return;
            }
            if (recording) {
                accepted.add(new Event(zone.group(1), text.group(1).replace("\\\"", "\"").replace("\\\\", "\\"),
                        authorization));
            }
            respond(ctx, request, HttpResponseStatus.OK, "{\"result\":\"ok\"}");
        }

        private void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                             String body) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            HttpUtil.setContentLength(response, response.content().readableBytes());
            boolean keepAlive = !closeAfterAnswer && HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
