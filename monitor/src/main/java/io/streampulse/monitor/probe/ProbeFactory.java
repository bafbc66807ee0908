package io.streampulse.monitor.probe;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.streampulse.monitor.probe.frame.FrameGrabber;
import io.streampulse.monitor.probe.frame.FrameProbe;
import io.streampulse.monitor.probe.frame.FrozenDetector;
import io.streampulse.monitor.probe.frame.ThumbnailStore;
import io.streampulse.monitor.probe.http.HttpProbe;
import io.streampulse.monitor.probe.rtsp.RtspProbe;
import io.streampulse.monitor.probe.rtsp.RtspProbeOptions;
import io.streampulse.monitor.schedule.CheckRunner;
import io.streampulse.monitor.schedule.ProbeSelector;
import io.streampulse.shared.config.SuitePaths;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The probes as beans. Protocol checks share one small Netty event loop (non-blocking: thousands of checks in
 * flight on two threads); frame decodes, which are CPU work inside FFmpeg, get a bounded pool of their own so
 * they can never starve the protocol checks.
 */
@Factory
public class ProbeFactory {

    /** Frame decodes at once; each 1080p decode is tens of ms of CPU, and the box has two cores. */
    static final int FRAME_DECODERS = 2;

    @Singleton
    @Bean(preDestroy = "shutdownGracefully")
    @Named("probes")
    EventLoopGroup probeLoop() {
        return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @Singleton
    @Bean(preDestroy = "shutdownNow")
    @Named("frames")
    ExecutorService framePool() {
        return Executors.newFixedThreadPool(FRAME_DECODERS, r -> {
            Thread thread = new Thread(r, "frame-decode");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    ThumbnailStore thumbnails(SuitePaths paths) {
        return new ThumbnailStore(paths.dataDir());
    }

    /**
     * Camera host names are looked up without blocking the probe loop (Netty's DNS client, reading /etc/hosts and
     * /etc/resolv.conf), so one slow DNS server cannot stall every other check.
     */
    private static DnsAddressResolverGroup dns() {
        return new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(NioDatagramChannel.class)
                .socketChannelType(NioSocketChannel.class));
    }

    @Singleton
    CheckRunner checks(@Named("probes") EventLoopGroup loop, @Named("frames") ExecutorService frames,
                       ThumbnailStore thumbnails) {
        return new ProbeSelector(new RtspProbe(loop, RtspProbeOptions.defaults().withResolver(dns())), new HttpProbe(),
                new FrameProbe(new FrameGrabber(frames), new FrozenDetector(), thumbnails));
    }
}
