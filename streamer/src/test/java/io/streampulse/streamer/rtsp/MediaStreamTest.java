package io.streampulse.streamer.rtsp;

import io.streampulse.streamer.encode.AccessUnit;
import io.streampulse.streamer.encode.AnnexB;
import io.streampulse.streamer.encode.slice.SkipFrame;
import io.streampulse.streamer.encode.slice.SliceSyntax;
import io.streampulse.streamer.encode.sps.BitWriter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The units a new client gets at once, the skipped pictures (or repeats) that top them up, and stale streams. */
class MediaStreamTest {

    private static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x28};
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
    private static final byte[] IDR = {0x65, 1, 2, 3};
    private static final byte[] P_SLICE = {0x41, 1, 2};
    private static final byte[] OPENH264_SPS = HexFormat.of().parseHex("6742c0288c680780227e5807844235");
    private static final byte[] OPENH264_PPS = HexFormat.of().parseHex("68ce3c80");
    private static final SliceSyntax SYNTAX = SliceSyntax.of(OPENH264_SPS, OPENH264_PPS).orElseThrow();

    /** A slice NAL as OpenH264 writes its header up to frame_num, then a few bits of payload. */
    private static byte[] slice(int type, int frameNum) {
        BitWriter out = new BitWriter();
        out.ue(0);
        out.ue(type == AnnexB.NAL_IDR ? 7 : 5);
        out.ue(0);
        out.bits(frameNum, 15);
        out.bits(0b1011, 4);
        byte[] rbsp = out.finish();
        byte[] nal = new byte[rbsp.length + 1];
        nal[0] = (byte) (0x60 | type);
        System.arraycopy(rbsp, 0, nal, 1, rbsp.length);
        return nal;
    }

    private static byte[] last(RecordingSink sink) {
        return sink.payloads.get(sink.payloads.size() - 1);
    }

    @Test
    void attach_withFewCachedUnits_topsUpWithSkippedPictures_andRenumbersTheEncodersNext() {
        MediaStream stream = new MediaStream("main", 1920, 1080, 1);
        List<String> asked = new ArrayList<>();
        stream.onClientWaiting(() -> asked.add("units"));
        stream.publish(new AccessUnit(List.of(OPENH264_SPS, OPENH264_PPS, slice(AnnexB.NAL_IDR, 0)), true, 1_000));
        stream.publish(new AccessUnit(List.of(slice(AnnexB.NAL_SLICE, 1)), false, 2_000));
        RecordingSink playing = new RecordingSink(stream);
        stream.attach(playing);
        assertEquals(List.of(), asked, "nothing to encode");
        assertEquals(MediaStream.unitsForNewClient(1), playing.units.size(), "the cache and eight skipped pictures");
        assertArrayEquals(SkipFrame.build(SYNTAX, 2), playing.payloads.get(4), "after the two cached units");
        assertArrayEquals(SkipFrame.build(SYNTAX, 9), last(playing));
        stream.publish(new AccessUnit(List.of(slice(AnnexB.NAL_SLICE, 2)), false, 3_000));
        assertArrayEquals(slice(AnnexB.NAL_SLICE, 10), last(playing), "the encoder's frame_num 2 follows the skips");
        RecordingSink next = new RecordingSink(stream);
        stream.attach(next);
        assertEquals(MediaStream.unitsForNewClient(1) + 1, next.units.size(), "enough cached: no more skips");
        assertEquals(MediaStream.unitsForNewClient(1) + 1, playing.units.size());
        stream.publish(new AccessUnit(List.of(OPENH264_SPS, OPENH264_PPS, slice(AnnexB.NAL_IDR, 0)), true, 4_000));
        stream.publish(new AccessUnit(List.of(slice(AnnexB.NAL_SLICE, 1)), false, 5_000));
        assertArrayEquals(slice(AnnexB.NAL_SLICE, 1), last(playing), "an IDR starts the numbering again");
        assertTrue(stream.repeatPicture());
        assertArrayEquals(SkipFrame.build(SYNTAX, 2), last(playing), "a follow-up after a change");
    }

    @Test
    void staleStream_clientGetsTheFreshKeyframeToppedUp() {
        MediaStream stream = new MediaStream("sub", 1280, 720, 1);
        List<String> asked = new ArrayList<>();
        stream.onClientWaiting(() -> asked.add("fresh"));
        stream.publish(new AccessUnit(List.of(OPENH264_SPS, OPENH264_PPS, slice(AnnexB.NAL_IDR, 0)), true, 1_000));
        stream.skipped();
        RecordingSink sink = new RecordingSink(stream);
        stream.attach(sink);
        assertEquals(List.of("fresh"), asked);
        assertEquals(List.of(), sink.units);
        stream.publish(new AccessUnit(List.of(OPENH264_SPS, OPENH264_PPS, slice(AnnexB.NAL_IDR, 0)), true, 2_000));
        assertEquals(MediaStream.unitsForNewClient(1), sink.units.size());
    }

    @Test
    void attach_withFewCachedUnits_andParameterSetsWithoutSkippedPictures_asksTheEncoder() {
        MediaStream stream = new MediaStream("main", 1920, 1080, 1);
        List<String> asked = new ArrayList<>();
        stream.onClientWaiting(() -> asked.add("units"));
        stream.publish(new AccessUnit(List.of(SPS, PPS, IDR), true, 1_000));
        stream.publish(new AccessUnit(List.of(P_SLICE), false, 2_000));
        RecordingSink sink = new RecordingSink(stream);
        stream.attach(sink);
        assertEquals(List.of("units"), asked);
        assertEquals(2, sink.units.size());
        for (int i = 0; i < MediaStream.unitsForNewClient(1) - 2; i++) {
            stream.publish(new AccessUnit(List.of(P_SLICE), false, 2_001 + i));
        }
        stream.attach(new RecordingSink(stream));
        assertEquals(1, asked.size(), "enough cached: nothing asked");
        assertEquals(MediaStream.unitsForNewClient(1), sink.units.size());
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
        final List<byte[]> payloads = new ArrayList<>();
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
            payloads.add(Arrays.copyOfRange(packet, RtpH264Packetizer.HEADER, packet.length));
        }

        @Override
        void writeRtcp(byte[] packet) {
        }

        @Override
        void flush() {
            units.add(packets);
        }
    }

    @Test
    void idleFor_countsFromTheLastClientLeaving_soABriefGapKeepsTheEncoder() {
        MediaStream stream = new MediaStream("main", 1920, 1080, 1);
        stream.publish(new AccessUnit(List.of(OPENH264_SPS, OPENH264_PPS, slice(AnnexB.NAL_IDR, 0)), true, 1_000));
        long now = System.currentTimeMillis();
        assertTrue(stream.idleFor(30_000, now), "never played: idle since always");
        RecordingSink client = new RecordingSink(stream);
        stream.attach(client);
        assertFalse(stream.idleFor(0, now + 60_000), "played");
        stream.detach(client);
        long left = System.currentTimeMillis();
        assertFalse(stream.idleFor(30_000, left + 29_000), "the clock starts again when the last client leaves");
        assertTrue(stream.idleFor(30_000, left + 30_000));
    }
}
