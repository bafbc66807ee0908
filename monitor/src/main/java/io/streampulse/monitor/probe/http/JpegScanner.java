package io.streampulse.monitor.probe.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds the first complete JPEG (SOI FFD8 … EOI FFD9) in a byte stream fed in chunks split anywhere (pure).
 * Why a marker walk and not a search for FFD9: FFD9 may stand inside a segment's payload (an EXIF thumbnail,
 * a comment), so header segments are skipped by their length; in entropy-coded data FF00 (stuffing), RSTn and
 * FF fill bytes are told apart from real markers. Bytes before the SOI (multipart part headers) are skipped;
 * a malformed marker sequence drops the picture and the search starts again at the next SOI.
 */
public final class JpegScanner {

    public enum State { NEED_MORE, FOUND, BUDGET_EXCEEDED }

    private enum Step { SEEK_FF, SEEK_SOI, MARKER_FF, MARKER_CODE, LENGTH_HIGH, LENGTH_LOW, SKIP, ENTROPY, ENTROPY_FF }

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;

    private final long byteBudget;
    private long bytesFed;
    private State state = State.NEED_MORE;
    private Step step = Step.SEEK_FF;
    private int marker;
    private int length;
    private int skip;
    private boolean scanSeen;
    private byte[] picture = new byte[64 * 1024];
    private int pictureLength;

    /** @param byteBudget how many bytes may be read, preamble included, before giving up */
    public JpegScanner(long byteBudget) {
        if (byteBudget < 4) {
            throw new IllegalArgumentException("byteBudget must be at least 4 bytes, was " + byteBudget);
        }
        this.byteBudget = byteBudget;
    }

    /** Consumes the chunk (up to the budget); once FOUND or BUDGET_EXCEEDED, further input is ignored. */
    public State feed(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        return feed(bytes, 0, bytes.length);
    }

    public State feed(byte[] bytes, int offset, int length) {
        if (state != State.NEED_MORE) {
            return state;
        }
        int end = offset + (int) Math.min(length, byteBudget - bytesFed);
        int i = offset;
        while (i < end && state == State.NEED_MORE) {
            i = step(bytes, i, end);
        }
        bytesFed += i - offset;
        if (state == State.NEED_MORE && bytesFed >= byteBudget) {
            state = State.BUDGET_EXCEEDED;
        }
        return state;
    }

    public State state() {
        return state;
    }

    /** Bytes consumed so far, including what came before the SOI. */
    public long bytesFed() {
        return bytesFed;
    }

    /** The complete picture, SOI to EOI inclusive; only once {@link #state()} is FOUND. */
    public byte[] jpeg() {
        if (state != State.FOUND) {
            throw new IllegalStateException("no complete JPEG yet: " + state);
        }
        return Arrays.copyOf(picture, pictureLength);
    }

    /** Handles input from {@code i}; returns the index of the first byte not yet consumed. */
    private int step(byte[] bytes, int i, int end) {
        if (step == Step.SKIP) {
            int n = Math.min(skip, end - i);
            keep(bytes, i, n);
            skip -= n;
            if (skip == 0) {
                step = marker == SOS ? Step.ENTROPY : Step.MARKER_FF;
            }
            return i + n;
        }
        if (step == Step.ENTROPY) {
            int ff = i;
            while (ff < end && bytes[ff] != (byte) 0xFF) {
                ff++;
            }
            keep(bytes, i, ff - i);
            if (ff < end) {
                keep(bytes, ff, 1);
                step = Step.ENTROPY_FF;
                return ff + 1;
            }
            return end;
        }
        int b = bytes[i] & 0xFF;
        switch (step) {
            case SEEK_FF -> step = b == 0xFF ? Step.SEEK_SOI : Step.SEEK_FF;
            case SEEK_SOI -> startOrKeepSeeking(b);
            case MARKER_FF -> {
                if (b == 0xFF) {
                    keep(b);
                    step = Step.MARKER_CODE;
                } else {
                    restart();
                }
            }
            case MARKER_CODE -> marker(b);
            case ENTROPY_FF -> {
                if (b == 0x00 || (b >= 0xD0 && b <= 0xD7)) {
                    keep(b); // byte stuffing or a restart marker: still entropy-coded data
                    step = Step.ENTROPY;
                } else {
                    marker(b);
                }
            }
            case LENGTH_HIGH -> {
                keep(b);
                length = b << 8;
                step = Step.LENGTH_LOW;
            }
            case LENGTH_LOW -> segmentLength(length | b, b);
            default -> throw new IllegalStateException("unexpected step " + step);
        }
        return i + 1;
    }

    private void startOrKeepSeeking(int b) {
        if (b == SOI) {
            pictureLength = 0;
            keep(0xFF);
            keep(SOI);
            scanSeen = false;
            step = Step.MARKER_FF;
        } else {
            step = b == 0xFF ? Step.SEEK_SOI : Step.SEEK_FF;
        }
    }

    /** {@code b} follows an FF outside a segment payload. */
    private void marker(int b) {
        if (b == 0xFF) {
            keep(b); // fill byte before a marker
        } else if (b == EOI) {
            keep(b);
            if (scanSeen) {
                state = State.FOUND;
            } else {
                restart();
            }
        } else if (b == SOI || b == 0x00) {
            restart();
            if (b == SOI) {
                startOrKeepSeeking(b);
            }
        } else if (b == TEM || (b >= 0xD0 && b <= 0xD7)) {
            keep(b); // markers without a length
            step = Step.MARKER_FF;
        } else {
            keep(b);
            marker = b;
            scanSeen |= b == SOS;
            step = Step.LENGTH_HIGH;
        }
    }

    private void segmentLength(int segmentLength, int lowByte) {
        keep(lowByte);
        if (segmentLength < 2) {
            restart();
            return;
        }
        skip = segmentLength - 2;
        step = skip > 0 ? Step.SKIP : (marker == SOS ? Step.ENTROPY : Step.MARKER_FF);
    }

    private void restart() {
        pictureLength = 0;
        step = Step.SEEK_FF;
    }

    private void keep(int b) {
        ensure(1);
        picture[pictureLength++] = (byte) b;
    }

    private void keep(byte[] bytes, int from, int n) {
        ensure(n);
        System.arraycopy(bytes, from, picture, pictureLength, n);
        pictureLength += n;
    }

    private void ensure(int more) {
        if (pictureLength + more > picture.length) {
            picture = Arrays.copyOf(picture, Math.max(picture.length * 2, pictureLength + more));
        }
    }
}
