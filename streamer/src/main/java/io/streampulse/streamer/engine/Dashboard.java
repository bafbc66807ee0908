package io.streampulse.streamer.engine;

import io.streampulse.streamer.encode.EncoderSettings;
import io.streampulse.streamer.encode.H264Encoder;
import io.streampulse.streamer.feed.SensorFeed;
import io.streampulse.streamer.render.DashboardRenderer;
import io.streampulse.streamer.render.Fonts;
import io.streampulse.streamer.rtsp.MediaStream;
import io.streampulse.streamer.rtsp.RtspAuth;
import io.streampulse.streamer.rtsp.RtspServer;
import io.streampulse.streamer.view.ViewPlanner;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline for one set of settings: feed → planner → renderer → encoders (main, sub) → RTSP server.
 * Paths: {@code /<name>} and {@code /<name>_main} serve the main profile, {@code /<name>_sub} the sub profile.
 */
public final class Dashboard implements AutoCloseable {

    /**
     * The alarm screen stays this long after the last alarm cleared (30 s; the system property lets
     * bench/streamer measure many alarms in a row).
     */
    public static final long ALARM_HOLD_MILLIS = Long.getLong("streampulse.streamer.alarm-hold-millis", 30_000);
    /** A bridge that dropped keeps the last grid on screen this long before the screen says it is unreachable. */
    public static final long BRIDGE_GRACE_MILLIS = 15_000;

    private final FrameLoop loop;
    private final RtspServer server;

    public Dashboard(DashboardSettings settings, SensorFeed feed) {
        Fonts fonts = Fonts.check();
        ZoneId zone = settings.zone();
        DashboardRenderer renderer = new DashboardRenderer(settings.width(), settings.height(), fonts, zone);
        ViewPlanner planner = new ViewPlanner(settings.siteName(), renderer.pageSize(), settings.cycleMillis(),
                ALARM_HOLD_MILLIS, BRIDGE_GRACE_MILLIS, zone);
        EncoderSettings main = new EncoderSettings(settings.width(), settings.height(), settings.width(),
                settings.height(), settings.frameRate(), 2_000_000);
        EncoderSettings sub = EncoderSettings.subOf(main);
        Profile mainProfile = profile("main", main);
        Profile subProfile = profile("sub", sub);
        Map<String, MediaStream> paths = new LinkedHashMap<>();
        paths.put(settings.streamName(), mainProfile.stream());
        paths.put(settings.streamName() + "_main", mainProfile.stream());
        paths.put(settings.streamName() + "_sub", subProfile.stream());
        this.loop = new FrameLoop(feed, planner, renderer, List.of(mainProfile, subProfile), settings.frameRate());
        this.server = new RtspServer(settings.rtspPort(), paths,
                new RtspAuth(settings.username(), settings.password()), settings.sessionTimeoutMillis(),
                settings.siteName());
    }

    private static Profile profile(String token, EncoderSettings settings) {
        return new Profile(token, new H264Encoder(settings), new MediaStream(token, settings.width(),
                settings.height(), settings.frameRate()));
    }

    public void start() throws InterruptedException {
        loop.start();
        server.start();
    }

    public FrameLoop frames() {
        return loop;
    }

    public RtspServer rtsp() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        loop.close();
    }
}
