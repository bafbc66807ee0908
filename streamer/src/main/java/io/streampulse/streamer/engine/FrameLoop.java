package io.streampulse.streamer.engine;

import io.streampulse.streamer.encode.EncoderSettings;
import io.streampulse.streamer.encode.H264Encoder;
import io.streampulse.streamer.encode.Picture;
import io.streampulse.streamer.feed.SensorFeed;
import io.streampulse.streamer.render.DashboardRenderer;
import io.streampulse.streamer.render.RenderedFrame;
import io.streampulse.streamer.rtsp.MediaStream;
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
 * frames, whichever is sooner) or a stream asked for one (a client that skipped frames). Only profiles someone
 * plays are encoded.
 *
 * <p>A change of more than the clock (a new layer), whether a feed change or a tick drew it, is followed by
 * {@link #FOLLOW_UPS} copies of the picture, the first at once, the next
 * {@link #FOLLOW_UP_MILLIS} later: FFmpeg-based clients (and NVRs built on libavformat) hold each picture until the
 * next access unit arrives (the H.264 parser needs it to end the current one), which at 1 fps would show an alarm a
 * second late. The copies are skipped pictures the stream builds (8 bytes at 1080p, no encoding; see
 * {@link MediaStream}), or for parameter sets that do not allow them, repeats encoded from the picture already
 * converted (no drawing, no colour conversion).
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
    /** An encoder nobody has played for this long gives its native state back (26 MB at 1080p). */
    static final long RELEASE_IDLE_ENCODER_MILLIS = 30_000;

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
        for (Profile profile : profiles) {
            String token = profile.token();
            profile.stream().onClientWaiting(() -> thread.execute(() -> serveNewClient(token)));
        }
        thread.scheduleAtFixedRate(this::draw, 0, tickMillis, TimeUnit.MILLISECONDS);
        feed.start();
    }

    /** Coalesces a burst of feed changes into one redraw (its follow-ups: see {@link #draw()}). */
    private void redrawSoon() {
        if (redrawQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                redrawQueued.set(false);
                draw();
            });
        }
    }

    /**
     * Draws and encodes when the picture changed or a keyframe is due; a new layer is followed up. A profile nobody
     * plays is not encoded (its stream goes stale; its next client starts from a fresh keyframe).
     */
    private void draw() {
        try {
            long now = System.currentTimeMillis();
            DashboardView view = planner.plan(feed.current(), now);
            boolean due = now - lastKeyframe >= keyframeIntervalMillis;
            boolean[] keyframes = new boolean[profiles.size()];
            boolean anyKeyframe = false;
            for (int i = 0; i < keyframes.length; i++) {
                MediaStream stream = profiles.get(i).stream();
                keyframes[i] = due | stream.takeKeyframeRequest() | (stream.stale() && !stream.idle());
                anyKeyframe |= keyframes[i];
            }
            if (view.equals(lastView) && !anyKeyframe) {
                return;
            }
            long started = System.nanoTime();
            RenderedFrame frame = renderer.render(view, now);
            long rendered = System.nanoTime();
            Picture picture = picture(frame);
            for (int i = 0; i < keyframes.length; i++) {
                Profile profile = profiles.get(i);
                if (profile.stream().idle()) {
                    profile.stream().skipped();
                    if (profile.stream().idleFor(RELEASE_IDLE_ENCODER_MILLIS, now)) {
                        profile.encoder().release(); // its natives until someone plays it (idle RSS, bench/startup)
                    }
                } else {
                    profile.stream().publish(profile.encoder().encode(picture, now, keyframes[i]));
                }
            }
            long encodeMicros = (System.nanoTime() - rendered) / 1000;
            if (lastFrame != null && frame.layer() != lastFrame.layer()) {
                // whichever draw saw the change first (a tick can beat the feed's redraw): more than the clock
                for (int i = 0; i < FOLLOW_UPS; i++) {
                    thread.schedule(this::followUp, i * FOLLOW_UP_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
            if (due) {
                lastKeyframe = now;
            }
            lastView = view;
            lastFrame = frame;
            totalEncodeMicros += encodeMicros;
            long frames = stats.frames() + 1;
            stats = new FrameStats(frames, now, (rendered - started) / 1000, encodeMicros,
                    totalEncodeMicros / frames);
        } catch (RuntimeException e) {
            LOG.error("Frame loop: drawing or encoding a frame failed; trying again at the next tick", e);
        }
    }

    /** The picture again, to every played profile: a skipped picture the stream builds, else an encoder repeat. */
    private void followUp() {
        try {
            for (Profile profile : profiles) {
                MediaStream stream = profile.stream();
                if (!stream.idle() && !stream.stale() && !stream.repeatPicture()) {
                    stream.publish(profile.encoder().repeat(System.currentTimeMillis()));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Frame loop: repeating a changed picture failed", e);
        }
    }

    /**
     * A client started playing a profile: a fresh keyframe when the stream went stale, then repeats of the picture
     * until the client has been sent enough units to end FFmpeg's probing.
     */
    private void serveNewClient(String token) {
        Profile profile = profiles.stream().filter(p -> p.token().equals(token)).findFirst().orElse(null);
        if (profile == null) {
            return;
        }
        try {
            RenderedFrame frame = lastFrame;
            if (frame == null) {
                return; // the first draw is still to come and encodes every profile
            }
            long now = System.currentTimeMillis();
            if (profile.stream().stale()) {
                profile.stream().publish(profile.encoder().encode(picture(frame), now, true));
            }
            while (profile.stream().cachedUnits() > 0
                    && profile.stream().cachedUnits() < profile.stream().unitsForNewClient()) {
                profile.stream().publish(profile.encoder().repeat(now));
            }
        } catch (RuntimeException e) {
            LOG.error("Frame loop: starting the {} stream for a new client failed", profile.token(), e);
        }
    }

    private static Picture picture(RenderedFrame frame) {
        return new Picture(((DataBufferByte) frame.image().getRaster().getDataBuffer()).getData(), frame.layer(),
                frame.changingRows());
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
            draw();
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
