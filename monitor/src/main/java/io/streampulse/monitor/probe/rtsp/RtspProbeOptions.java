package io.streampulse.monitor.probe.rtsp;

import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.net.SocketAddress;
import javax.net.ssl.TrustManagerFactory;

/**
 * How {@link RtspProbe} opens connections.
 *
 * @param channelType must match the event loop group's transport (NIO by default)
 * @param resolver    Netty's default resolves host names with the JDK, blocking the event loop for the lookup;
 *                    pass a {@code DnsAddressResolverGroup} where camera URLs use names and DNS may be slow
 * @param trust       trust for rtsps:// with verification on; null means the JDK's default trust store
 */
public record RtspProbeOptions(Class<? extends SocketChannel> channelType,
                               AddressResolverGroup<? extends SocketAddress> resolver, TrustManagerFactory trust) {

    /** Largest DESCRIBE answer accepted; an SDP is usually under 2 KB. */
    static final int MAX_CONTENT_BYTES = 64 * 1024;

    public static RtspProbeOptions defaults() {
        return new RtspProbeOptions(NioSocketChannel.class, DefaultAddressResolverGroup.INSTANCE, null);
    }

    public RtspProbeOptions withTrust(TrustManagerFactory trust) {
        return new RtspProbeOptions(channelType, resolver, trust);
    }

    public RtspProbeOptions withResolver(AddressResolverGroup<? extends SocketAddress> resolver) {
        return new RtspProbeOptions(channelType, resolver, trust);
    }

    public RtspProbeOptions withChannelType(Class<? extends SocketChannel> channelType) {
        return new RtspProbeOptions(channelType, resolver, trust);
    }
}
