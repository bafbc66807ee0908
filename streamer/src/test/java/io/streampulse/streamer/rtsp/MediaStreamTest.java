package io.streampulse.streamer.rtsp;

import io.streampulse.streamer.encode.AccessUnit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The units a new client gets at once, the repeats asked for when too few are cached, and stale streams. */
class MediaStreamTest {

    private static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x28};
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
    private static final byte[] IDR = {0x65, 1, 2, 3};
    private static final byte[] P_SLICE = {0x41, 1, 2};

    @Test
    void attach_withFewCachedUnits_asksForTheShortfall_andSendsTheCacheFirst() {
        MediaStream stream = new MediaStream("main", 1920, 1080, 1);
        List<String> asked = new ArrayList<>();
        stream.onClientWaiting(() -> asked.add("units"));
        stream.publish(new AccessUnit(List.of(SPS, PPS, IDR), true, 1_000));
        stream.publish(new AccessUnit(List.of(P_SLICE), false, 2_000));
        RecordingSink sink = new RecordingSink(stream);
        stream.attach(sink);
        assertEquals(List.of("units"), asked);
        assertEquals(2, sink.units.size());
        for (int i = 0; i < MediaStream.UNITS_FOR_NEW_CLIENT - 2; i++) {
            stream.publish(new AccessUnit(List.of(P_SLICE), false, 2_001 + i));
        }
        stream.attach(new RecordingSink(stream));
        assertEquals(1, asked.size(), "enough cached: nothing asked");
        assertEquals(MediaStream.UNITS_FOR_NEW_CLIENT, sink.units.size());
    }

    @Test
    void attach_beforeAnyKeyframe_asksForNothing() {
        MediaStream stream = new MediaStream("sub", 1280, 720, 1);
        List<String> asked = new ArrayList<>();
        stream.onClientWaiting(() -> asked.add("units"));
        assertFalse(stream.idle(), "no parameter sets yet: the encoder must run");
        stream.attach(new RecordingSink(stream));
        assertEquals(List.of(), asked);
    }

    @Test
    void skippedWhileIdle_nextClientGetsNoStaleUnits_andAFreshKeyframeIsAskedFor() {
        MediaStream stream = new MediaStream("sub", 1280, 720, 1);
        List<String> asked = new ArrayList<>();
        stream.onClientWaiting(() -> asked.add("fresh"));
        stream.publish(new AccessUnit(List.of(SPS, PPS, IDR), true, 1_000));
        assertTrue(stream.idle());
        stream.skipped();
        assertTrue(stream.stale());
        assertEquals(0, stream.cachedUnits());
        RecordingSink sink = new RecordingSink(stream);
        stream.attach(sink);
        assertEquals(List.of("fresh"), asked);
        assertEquals(List.of(), sink.units, "nothing stale sent");
        assertFalse(stream.idle());
        stream.publish(new AccessUnit(List.of(P_SLICE), false, 2_000));
        assertEquals(List.of(), sink.units, "a client waits for a keyframe");
        stream.publish(new AccessUnit(List.of(SPS, PPS, IDR), true, 3_000));
        assertFalse(stream.stale());
        assertEquals(1, sink.units.size());
    }

    private static final class RecordingSink extends RtpSink {

        final List<Integer> units = new ArrayList<>();
        private int packets;

        RecordingSink(MediaStream stream) {
            super(stream);
        }

        @Override
        boolean writable() {
            return true;
        }

        @Override
        void writeRtp(byte[] packet) {
            packets++;
        }

        @Override
        void writeRtcp(byte[] packet) {
        }

        @Override
        void flush() {
            units.add(packets);
        }
    }
}
