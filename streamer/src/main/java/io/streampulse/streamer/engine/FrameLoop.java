package io.streampulse.streamer.engine;

import io.streampulse.streamer.encode.AccessUnit;
import io.streampulse.streamer.encode.EncoderSettings;
import io.streampulse.streamer.encode.H264Encoder;
import io.streampulse.streamer.feed.SensorFeed;
import io.streampulse.streamer.render.DashboardRenderer;
import io.streampulse.streamer.render.RenderedFrame;
import io.streampulse.streamer.view.DashboardView;
import io.streampulse.streamer.view.ViewPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Draws and encodes on one thread: at every FRAME_RATE tick, and at once when the feed changes (an alarm does not
 * wait for the tick). A picture equal to the last one is not encoded unless a keyframe is due (every 10 s or 60
 * frames, whichever is sooner) or a stream asked for one (a client that skipped frames).
 *
 * <p>A change is followed by {@link #FOLLOW_UPS} copies of the picture {@link #FOLLOW_UP_MILLIS} apart: FFmpeg-based
 * clients (and NVRs built on libavformat) hold each picture until the next one arrives (the H.264 parser needs the
 * next access unit to end the current one, and the decoder guesses one frame of reordering), which at 1 fps would
 * show an alarm two seconds late. The copies are real frames (unchanged P-frames of a few hundred bytes).
 */
public final class FrameLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameLoop.class);

    private final SensorFeed feed;
    private final ViewPlanner planner;
    private final DashboardRenderer renderer;
    /** Replaced as a whole when a profile's encoder changes (ONVIF SetVideoEncoderConfiguration). */
    private volatile List<Profile> profiles;
    private final long tickMillis;
    private final long keyframeIntervalMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread worker = new Thread(task, "frame-loop");
        worker.setDaemon(true);
        return worker;
    });
    static final int FOLLOW_UPS = 2;
    static final long FOLLOW_UP_MILLIS = 40;

    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private volatile DashboardView lastView;
    private volatile RenderedFrame lastFrame;
    private volatile FrameStats stats = new FrameStats(0, 0, 0, 0, 0);
    private long lastKeyframe = Long.MIN_VALUE / 2;
    private long totalEncodeMicros;

    public FrameLoop(SensorFeed feed, ViewPlanner planner, DashboardRenderer renderer, List<Profile> profiles,
                     int frameRate) {
        this.feed = feed;
        this.planner = planner;
        this.renderer = renderer;
        this.profiles = List.copyOf(profiles);
        this.tickMillis = Math.max(1, 1000 / frameRate);
        this.keyframeIntervalMillis = Math.min(10_000, 60_000 / frameRate);
    }

    public void start() {
        feed.onChange(this::redrawSoon);
        thread.scheduleAtFixedRate(() -> draw(false), 0, tickMillis, TimeUnit.MILLISECONDS);
        feed.start();
    }

    /** Coalesces a burst of feed changes into one redraw. */
    private void redrawSoon() {
        if (redrawQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                redrawQueued.set(false);
                if (draw(false)) {
                    for (int i = 1; i <= FOLLOW_UPS; i++) {
                        thread.schedule(() -> draw(true), i * FOLLOW_UP_MILLIS, TimeUnit.MILLISECONDS);
                    }
                }
            });
        }
    }

    /** Draws and encodes when the picture changed, a keyframe is due or {@code force}; true when it did. */
    private boolean draw(boolean force) {
        try {
            long now = System.currentTimeMillis();
            DashboardView view = planner.plan(feed.current(), now);
            boolean keyframe = now - lastKeyframe >= keyframeIntervalMillis;
            for (Profile profile : profiles) {
                keyframe |= profile.stream().takeKeyframeRequest();
            }
            if (view.equals(lastView) && !keyframe && !force) {
                return false;
            }
            long started = System.nanoTime();
            RenderedFrame frame = renderer.render(view, now);
            long rendered = System.nanoTime();
            byte[] bgr = ((DataBufferByte) frame.image().getRaster().getDataBuffer()).getData();
            for (Profile profile : profiles) {
                AccessUnit unit = profile.encoder().encode(bgr, now, keyframe);
                profile.stream().publish(unit);
            }
            long encodeMicros = (System.nanoTime() - rendered) / 1000;
            if (keyframe) {
                lastKeyframe = now;
            }
            lastView = view;
            lastFrame = frame;
            totalEncodeMicros += encodeMicros;
            long frames = stats.frames() + 1;
            stats = new FrameStats(frames, now, (rendered - started) / 1000, encodeMicros,
                    totalEncodeMicros / frames);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Frame loop: drawing or encoding a frame failed; trying again at the next tick", e);
            return false;
        }
    }

    /**
     * Replaces a profile's encoder with one at changed settings, on the frame thread between two pictures, and
     * draws at once: the new encoder starts with a keyframe carrying the new SPS/PPS. A failure keeps the old one.
     */
    public void reconfigure(String token, UnaryOperator<EncoderSettings> change) {
        thread.execute(() -> {
            List<Profile> next = new ArrayList<>();
            for (Profile profile : profiles) {
                if (!profile.token().equals(token)) {
                    next.add(profile);
                    continue;
                }
                EncoderSettings settings = change.apply(profile.encoder().settings());
                try {
                    next.add(new Profile(token, new H264Encoder(settings), profile.stream()));
                    profile.encoder().close();
                    LOG.info("Frame loop: profile {} now encodes {}x{} at {} bit/s", token, settings.width(),
                            settings.height(), settings.bitRate());
                } catch (RuntimeException e) {
                    LOG.error("Frame loop: profile {} keeps its encoder; {}x{} failed: {}", token, settings.width(),
                            settings.height(), e.getMessage());
                    next.add(profile);
                }
            }
            profiles = List.copyOf(next);
            lastKeyframe = Long.MIN_VALUE / 2;
            draw(true);
        });
    }

    public RenderedFrame lastFrame() {
        return lastFrame;
    }

    public DashboardView lastView() {
        return lastView;
    }

    public FrameStats stats() {
        return stats;
    }

    public List<Profile> profiles() {
        return profiles;
    }

    @Override
    public void close() {
        feed.close();
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        profiles.forEach(profile -> profile.encoder().close());
    }
}
