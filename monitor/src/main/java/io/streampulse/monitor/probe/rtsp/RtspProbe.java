package io.streampulse.monitor.probe.rtsp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.NetUtil;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.ssl.SslHandler;
import io.streampulse.monitor.probe.Probe;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The RTSP/RTSPS check: OPTIONS, DESCRIBE (again with Digest or Basic credentials if asked), SDP read.
 * 200 with a video track is UP; an RTSP answer that gives no video (401/403/404/454/..., audio only) is
 * DEGRADED; timeout, refused, reset, TLS failure or a non-RTSP answer is DOWN. See README.md beside this file.
 *
 * <p>Never blocks the caller: the future completes on the event loop by {@code target.timeout()}, never
 * exceptionally for a failing camera. Do slow work in {@code thenXxxAsync} stages, not on the event loop.
 */
public final class RtspProbe implements Probe {

    private static final SecureRandom CNONCES = new SecureRandom();

    private final EventLoopGroup group;
    private final RtspProbeOptions options;
    private final RtspTlsContexts tls;

    /** NIO channels, Netty's default resolver, the JDK trust store; {@code group} stays the caller's to shut down. */
    public RtspProbe(EventLoopGroup group) {
        this(group, RtspProbeOptions.defaults());
    }

    public RtspProbe(EventLoopGroup group, RtspProbeOptions options) {
        this.group = group;
        this.options = options;
        this.tls = new RtspTlsContexts(options.trust());
    }

    @Override
    public CompletableFuture<ProbeResult> check(ProbeTarget target) {
        URI url = target.url();
        try {
            RtspUrls.validate(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    ProbeResult.down(0, "invalid RTSP URL: " + e.getMessage(), ProbeResult.CheckKind.RTSP));
        }
        // credentials come apart from the URL; userinfo left in the URL is used, never sent in the request line
        RtspUrls.Credentials credentials = target.hasCredentials()
                ? new RtspUrls.Credentials(target.username(), target.password() == null ? "" : target.password())
                : RtspUrls.userinfo(url).orElse(new RtspUrls.Credentials("", ""));
        String requestUri = RtspUrls.requestUri(url);
        long timeoutMs = Math.max(1, target.timeout().toMillis());
        RtspCheck check = new RtspCheck(target.streamId(), requestUri, credentials.password(), timeoutMs);
        RtspDialog dialog = new RtspDialog(requestUri, credentials.username(), credentials.password(), cnonce());
        EventLoop loop = group.next();
        try {
            loop.execute(() -> connect(loop, url, target.tlsVerify(), timeoutMs, check, dialog));
        } catch (RejectedExecutionException e) {
            check.finish(RtspVerdict.down("probe stopped: event loop shut down"));
        }
        return check.result();
    }

    /** Runs on {@code loop}: the deadline, the connect and every callback of this check share that thread. */
    /** An IP literal needs no resolver; a name goes to the configured (non-blocking) one. */
    private static InetSocketAddress address(String host, int port) {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
        return literal != null ? new InetSocketAddress(literal, port) : InetSocketAddress.createUnresolved(host, port);
    }

    private void connect(EventLoop loop, URI url, boolean tlsVerify, long timeoutMs, RtspCheck check, RtspDialog dialog) {
        check.start(loop);
        String host = RtspUrls.host(url);
        int port = RtspUrls.port(url);
        boolean isTls = RtspUrls.isTls(url);
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(options.channelType())
                .resolver(options.resolver())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (isTls) {
                            SslHandler handler = tls.newHandler(ch.alloc(), host, port, tlsVerify);
                            handler.setHandshakeTimeoutMillis(timeoutMs); // ours, not Netty's 10 s default
                            ch.pipeline().addLast("tls", handler);
                        }
                        FirstBytesHandler firstBytes = new FirstBytesHandler(check);
                        ch.pipeline().addLast(FirstBytesHandler.NAME, firstBytes)
                                .addLast("rtsp-encoder", new RtspEncoder())
                                .addLast("rtsp-decoder", new RtspDecoder(4096, 8192, RtspProbeOptions.MAX_CONTENT_BYTES))
                                .addLast("aggregator", new HttpObjectAggregator(RtspProbeOptions.MAX_CONTENT_BYTES))
                                .addLast(RtspProbeHandler.NAME, new RtspProbeHandler(dialog, check, firstBytes, isTls));
                    }
                })
                .connect(address(host, port));
        check.attach(connecting.channel());
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                check.finish(RtspVerdict.down(RtspFailureMessages.of(done.cause())));
            }
        });
    }

    private static String cnonce() {
        byte[] bytes = new byte[8];
        CNONCES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
