package io.streampulse.streamer.rtsp;

import io.streampulse.streamer.encode.AccessUnit;
import io.streampulse.streamer.encode.AnnexB;
import io.streampulse.streamer.encode.slice.FrameNumbering;
import io.streampulse.streamer.encode.slice.SkipFrame;
import io.streampulse.streamer.encode.slice.SliceSyntax;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One profile's H.264 track: packetizes each access unit once and fans it out to every playing client. Keeps
 * the units since the last keyframe (with its SPS and PPS), so a new client decodes a picture at once; a client
 * that fell behind waits for the next keyframe and asks the encoder for one.
 *
 * <p>A new client gets at least {@link #unitsForNewClient(int)} units at once: libavformat (ffmpeg, ffprobe, NVRs
 * built on it) reads five seconds' worth of frames (counted at the SDP's {@code a=framerate}) before it returns from
 * probing an H.264 stream, and its parser holds a picture until the next unit begins. When
 * fewer are cached, the stream tops the cache up at once with skipped pictures it builds itself ({@link SkipFrame}:
 * the current picture again, 8 bytes at 1080p, nothing to encode), sent to every client, and renumbers the encoder's
 * later slices to follow them ({@link FrameNumbering}). Encoding those repeats at 1080p took 10–40 ms each, on the
 * frame loop, while the new client waited. Parameter sets outside what {@link SliceSyntax} covers fall back to
 * asking the encoder for repeats.
 *
 * <p>A stream nobody plays is not encoded ({@link #idle()}); its cache is then stale, and its next client waits for
 * the fresh keyframe the encoder makes for it (the SDP's parameter sets stay valid: same encoder).
 */
public final class MediaStream {

    /** More than this many units since a keyframe (beyond a new client's): ask for a new one, not a bigger cache. */
    static final int MAX_CACHED_UNITS = 64;
    static final int MAX_PAYLOAD = 1_400;

    private final String profile;
    private final int width;
    private final int height;
    private final int frameRate;
    private final int unitsForNewClient;
    private final int ssrc;
    private final int timestampBase;
    private final long clockStart = System.currentTimeMillis();
    private final RtpH264Packetizer packetizer;
    private final List<RtpSink> sinks = new CopyOnWriteArrayList<>();
    private final List<PacketizedUnit> sinceKeyframe = new ArrayList<>();
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private volatile Runnable clientWaiting = () -> { };
    private volatile boolean stale;
    /** A client attached while stale: top the cache up once the fresh keyframe is in. */
    private boolean clientWaitsForKeyframe;
    /** Null when the parameter sets are outside what skipped pictures support (the encoder repeats instead). */
    private FrameNumbering numbering;
    private long lastPtsMillis = Long.MIN_VALUE;
    private int nextSequence;
    private volatile byte[] sps;
    private volatile byte[] pps;
    private volatile long lastFrameMillis;
    /** Never played: idle since always (the encoder opened at start to check its settings goes at once). */
    private volatile long lastClientLeftMillis = Long.MIN_VALUE / 2;
    private volatile long frames;

    public MediaStream(String profile, int width, int height, int frameRate) {
        SecureRandom random = new SecureRandom();
        this.profile = profile;
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.unitsForNewClient = unitsForNewClient(frameRate);
        this.ssrc = random.nextInt();
        this.timestampBase = random.nextInt();
        this.nextSequence = random.nextInt(0x10000);
        this.packetizer = new RtpH264Packetizer(H264Sdp.PAYLOAD_TYPE, ssrc, MAX_PAYLOAD);
    }

    public synchronized void publish(AccessUnit unit) {
        if (unit.nals().isEmpty()) {
            return;
        }
        byte[] spsBefore = sps;
        byte[] ppsBefore = pps;
        for (byte[] nal : unit.nals()) {
            switch (AnnexB.type(nal)) {
                case AnnexB.NAL_SPS -> sps = nal;
                case AnnexB.NAL_PPS -> pps = nal;
                default -> {
                    // slices go out as they are, or renumbered
                }
            }
        }
        if (sps != null && pps != null && (!Arrays.equals(sps, spsBefore) || !Arrays.equals(pps, ppsBefore))) {
            numbering = SliceSyntax.of(sps, pps).map(FrameNumbering::new).orElse(null);
        }
        send(numbering == null ? unit.nals() : numbering.renumber(unit.nals()), unit.keyframe(), unit.ptsMillis());
        if (unit.keyframe() && clientWaitsForKeyframe) {
            clientWaitsForKeyframe = false;
            topUp();
        }
    }

    private void send(List<byte[]> nals, boolean keyframe, long ptsMillis) {
        // skipped pictures take the milliseconds after a unit: timestamps must still grow
        lastPtsMillis = Math.max(ptsMillis, lastPtsMillis + 1);
        int timestamp = rtpTimestamp(lastPtsMillis);
        List<byte[]> packets = packetizer.packetize(nals, timestamp, nextSequence);
        nextSequence = (nextSequence + packets.size()) & 0xFFFF;
        PacketizedUnit packetized = new PacketizedUnit(timestamp, packets, keyframe);
        if (keyframe) {
            sinceKeyframe.clear();
            stale = false;
        } else if (sinceKeyframe.size() >= unitsForNewClient + MAX_CACHED_UNITS) {
            keyframeWanted.set(true);
        }
        if (keyframe || !sinceKeyframe.isEmpty()) {
            sinceKeyframe.add(packetized);
        }
        lastFrameMillis = System.currentTimeMillis();
        frames++;
        for (RtpSink sink : sinks) {
            sink.send(packetized);
        }
    }

    /**
     * The current picture again, as a skipped picture sent to every client (after a change, so FFmpeg-based clients
     * show it at once); false when the encoder has to repeat it instead (parameter sets without skipped pictures).
     */
    public synchronized boolean repeatPicture() {
        if (numbering == null) {
            return false;
        }
        if (!stale && !sinceKeyframe.isEmpty()) {
            send(List.of(numbering.skipFrame()), false, System.currentTimeMillis());
        }
        return true;
    }

    /**
     * Units a new client needs at once so that libavformat's probing ends without waiting for the next picture
     * (FFmpeg 5.1 to 7, {@code avformat_find_stream_info}): it stops at the frame that finds five seconds read
     * (analyzeduration), counting a frame's duration (1 / frame rate, from the SPS timing) from the third frame on
     * and checking before it counts; its parser hands a frame on only when the next unit begins. So 5 × rate frames
     * plus two uncounted, the one that stops it, the one that pushes that out of the parser, and one to spare. At
     * 1 fps: 10 (8 were too few: a client whose units all came at once waited for the next picture, up to 1 s).
     */
    public static int unitsForNewClient(int frameRate) {
        return 5 * frameRate + 5;
    }

    public int unitsForNewClient() {
        return unitsForNewClient;
    }

    /** Skipped pictures until a new client would get {@link #unitsForNewClient()} units. */
    private void topUp() {
        while (numbering != null && !stale && !sinceKeyframe.isEmpty()
                && sinceKeyframe.size() < unitsForNewClient) {
            send(List.of(numbering.skipFrame()), false, lastPtsMillis + 1);
        }
    }

    /**
     * Starts sending to a client: the cached units since the last keyframe first (unless stale), topped up with
     * skipped pictures when too few, then every new one. The encoder is told when the client needs a fresh keyframe
     * (or, for parameter sets without skipped pictures, repeats).
     */
    synchronized void attach(RtpSink sink) {
        if (!stale) {
            sinceKeyframe.forEach(sink::send);
        }
        sinks.add(sink);
        if (stale) {
            clientWaitsForKeyframe = true;
            clientWaiting.run();
        } else if (!sinceKeyframe.isEmpty() && sinceKeyframe.size() < unitsForNewClient) {
            if (numbering != null) {
                topUp();
            } else {
                clientWaiting.run();
            }
        }
    }

    /** Who makes a fresh keyframe or repeats when a new client needs them (the frame loop). */
    public void onClientWaiting(Runnable encoder) {
        this.clientWaiting = encoder;
    }

    /** Nobody plays it and a DESCRIBE can already be answered: no need to encode. */
    public boolean idle() {
        return sinks.isEmpty() && sps != null && pps != null;
    }

    /** The encoder skipped a picture: the cache no longer ends with the current one. */
    public synchronized void skipped() {
        stale = true;
    }

    /** Whether the next unit must be a keyframe because pictures were skipped. */
    public boolean stale() {
        return stale;
    }

    /** Units a client attaching now would get at once (none while stale). */
    public synchronized int cachedUnits() {
        return stale ? 0 : sinceKeyframe.size();
    }

    void detach(RtpSink sink) {
        if (sinks.remove(sink) && sinks.isEmpty()) {
            lastClientLeftMillis = System.currentTimeMillis();
        }
    }

    /**
     * Whether nobody has played this stream for at least {@code millis} (one never played: at once):
     * its encoder's native state can go then. A stream that is only briefly without clients (an NVR's probe, an
     * {@code ffmpeg -frames:v 1}, a reconnect) keeps it, so its next client is not held up by reopening the encoder.
     */
    public boolean idleFor(long millis, long now) {
        return idle() && now - lastClientLeftMillis >= millis;
    }

    /** The sequence number and timestamp the next client's first packet will carry (for RTP-Info). */
    synchronized int[] nextPacketInfo() {
        if (sinceKeyframe.isEmpty()) {
            return new int[] {nextSequence, rtpTimestamp(System.currentTimeMillis())};
        }
        byte[] first = sinceKeyframe.get(0).packets().get(0);
        return new int[] {((first[2] & 0xFF) << 8) | (first[3] & 0xFF), sinceKeyframe.get(0).rtpTimestamp()};
    }

    /** True once: the encoder should make the next picture a keyframe. */
    public boolean takeKeyframeRequest() {
        return keyframeWanted.getAndSet(false);
    }

    void requestKeyframe() {
        keyframeWanted.set(true);
    }

    int rtpTimestamp(long wallMillis) {
        return timestampBase + (int) ((wallMillis - clockStart) * 90);
    }

    public Optional<String> sdp(String sessionName) {
        byte[] spsNow = sps;
        byte[] ppsNow = pps;
        return spsNow == null || ppsNow == null ? Optional.empty()
                : Optional.of(H264Sdp.describe(sessionName, spsNow, ppsNow, clockStart, frameRate));
    }

    public String profile() {
        return profile;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    int ssrc() {
        return ssrc;
    }

    public int clients() {
        return sinks.size();
    }

    public long lastFrameMillis() {
        return lastFrameMillis;
    }

    public long frames() {
        return frames;
    }
}
