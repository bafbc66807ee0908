package io.streampulse.streamer.rtsp;

import io.streampulse.streamer.encode.AccessUnit;
import io.streampulse.streamer.encode.AnnexB;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One profile's H.264 track: packetizes each access unit once and fans it out to every playing client. Keeps
 * the units since the last keyframe (with its SPS and PPS), so a new client decodes a picture at once; a client
 * that fell behind waits for the next keyframe and asks the encoder for one.
 *
 * <p>A new client gets at least {@link #UNITS_FOR_NEW_CLIENT} units at once: libavformat (ffmpeg, ffprobe, NVRs
 * built on it) reads about five seconds' worth of frames (five at 1 fps, counted at the SDP's {@code a=framerate})
 * before it returns from probing an H.264 stream, and its parser holds a picture until the next unit begins. When
 * fewer are cached, the stream asks the encoder for repeats of the current picture (tiny unchanged P-frames).
 *
 * <p>A stream nobody plays is not encoded ({@link #idle()}); its cache is then stale, and its next client waits for
 * the fresh keyframe the encoder makes for it (the SDP's parameter sets stay valid: same encoder).
 */
public final class MediaStream {

    /** More than this many units since a keyframe: ask for a new one rather than grow the cache. */
    static final int MAX_CACHED_UNITS = 64;
    static final int MAX_PAYLOAD = 1_400;
    /** Five frames of probing, the unit that ends the fifth, the one that ends probing and one to spare. */
    public static final int UNITS_FOR_NEW_CLIENT = 8;

    private final String profile;
    private final int width;
    private final int height;
    private final int frameRate;
    private final int ssrc;
    private final int timestampBase;
    private final long clockStart = System.currentTimeMillis();
    private final RtpH264Packetizer packetizer;
    private final List<RtpSink> sinks = new CopyOnWriteArrayList<>();
    private final List<PacketizedUnit> sinceKeyframe = new ArrayList<>();
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private volatile Runnable clientWaiting = () -> { };
    private volatile boolean stale;
    private int nextSequence;
    private volatile byte[] sps;
    private volatile byte[] pps;
    private volatile long lastFrameMillis;
    private volatile long frames;

    public MediaStream(String profile, int width, int height, int frameRate) {
        SecureRandom random = new SecureRandom();
        this.profile = profile;
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.ssrc = random.nextInt();
        this.timestampBase = random.nextInt();
        this.nextSequence = random.nextInt(0x10000);
        this.packetizer = new RtpH264Packetizer(H264Sdp.PAYLOAD_TYPE, ssrc, MAX_PAYLOAD);
    }

    public synchronized void publish(AccessUnit unit) {
        if (unit.nals().isEmpty()) {
            return;
        }
        for (byte[] nal : unit.nals()) {
            switch (AnnexB.type(nal)) {
                case AnnexB.NAL_SPS -> sps = nal;
                case AnnexB.NAL_PPS -> pps = nal;
                default -> {
                    // slices go out as they are
                }
            }
        }
        int timestamp = rtpTimestamp(unit.ptsMillis());
        List<byte[]> packets = packetizer.packetize(unit.nals(), timestamp, nextSequence);
        nextSequence = (nextSequence + packets.size()) & 0xFFFF;
        PacketizedUnit packetized = new PacketizedUnit(timestamp, packets, unit.keyframe());
        if (unit.keyframe()) {
            sinceKeyframe.clear();
            stale = false;
        } else if (sinceKeyframe.size() >= MAX_CACHED_UNITS) {
            keyframeWanted.set(true);
        }
        if (unit.keyframe() || !sinceKeyframe.isEmpty()) {
            sinceKeyframe.add(packetized);
        }
        lastFrameMillis = System.currentTimeMillis();
        frames++;
        for (RtpSink sink : sinks) {
            sink.send(packetized);
        }
    }

    /**
     * Starts sending to a client: the cached units since the last keyframe first (unless stale), then every new
     * one. The encoder is told when the client needs a fresh keyframe or more units than are cached.
     */
    synchronized void attach(RtpSink sink) {
        if (!stale) {
            sinceKeyframe.forEach(sink::send);
        }
        sinks.add(sink);
        if (stale || (!sinceKeyframe.isEmpty() && sinceKeyframe.size() < UNITS_FOR_NEW_CLIENT)) {
            clientWaiting.run();
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
        sinks.remove(sink);
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
