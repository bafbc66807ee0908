package io.streampulse.monitor.probe.frame;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per stream, how many frame checks in a row decoded the very same picture (pure; safe for concurrent checks of
 * different streams). A stream is frozen once that count reaches {@link #frozenAfter()}: the camera or its
 * encoder is stuck, repeating its last frame, although the stream itself flows.
 *
 * <p>"The same picture" is an equal {@link FrameStats#checksum()}: bit-identical luma. Each frame check opens a
 * new session, so a live camera, even on a still scene, delivers a freshly encoded picture with fresh sensor
 * noise every time; only a stuck source repeats itself exactly.
 */
public final class FrozenDetector {

    public static final int DEFAULT_FROZEN_AFTER = 3;

    private record Streak(long checksum, int checks) {
    }

    private final int frozenAfter;
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    public FrozenDetector() {
        this(DEFAULT_FROZEN_AFTER);
    }

    /** @param frozenAfter how many consecutive checks with the same picture make a stream frozen (at least 2) */
    public FrozenDetector(int frozenAfter) {
        if (frozenAfter < 2) {
            throw new IllegalArgumentException("frozenAfter must be at least 2 checks, was " + frozenAfter);
        }
        this.frozenAfter = frozenAfter;
    }

    public int frozenAfter() {
        return frozenAfter;
    }

    /** Records one check's picture; returns how many checks in a row (this one included) had this picture. */
    public int record(String streamId, long checksum) {
        return streaks.merge(streamId, new Streak(checksum, 1),
                (last, now) -> last.checksum() == checksum ? new Streak(checksum, last.checks() + 1) : now).checks();
    }

    /** Drops a stream's history: it was removed, or its URL changed. */
    public void forget(String streamId) {
        streaks.remove(streamId);
    }
}
