package io.streampulse.streamer.encode;

import io.streampulse.streamer.Cards;
import io.streampulse.streamer.feed.FeedSnapshot;
import io.streampulse.streamer.render.DashboardRenderer;
import io.streampulse.streamer.render.Fonts;
import io.streampulse.streamer.render.GridLayout;
import io.streampulse.streamer.render.RenderedFrame;
import io.streampulse.streamer.view.ViewPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encodes dashboard pictures and lets the real ffprobe read them back. */
class H264EncoderTest {

    @TempDir
    Path dir;

    @Test
    void encode_keyframeCarriesSpsPps_ffprobeReadsTheSize() throws IOException, InterruptedException {
        EncoderSettings main = new EncoderSettings(1920, 1080, 1920, 1080, 1, 2_000_000);
        byte[] picture = picture(1920, 1080);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (H264Encoder encoder = new H264Encoder(main)) {
            AccessUnit first = encoder.encode(picture, 1_000, true);
            AccessUnit second = encoder.encode(picture, 2_000, false);
            AccessUnit third = encoder.encode(picture, 3_000, true);
            List<Integer> types = first.nals().stream().map(AnnexB::type).toList();
            assertTrue(types.containsAll(List.of(AnnexB.NAL_SPS, AnnexB.NAL_PPS, AnnexB.NAL_IDR)), types.toString());
            assertTrue(first.keyframe());
            assertFalse(second.keyframe());
            assertTrue(third.keyframe());
            assertTrue(second.size() < first.size() / 10, "unchanged picture: " + second.size() + " bytes");
            for (AccessUnit unit : List.of(first, second, third)) {
                for (byte[] nal : unit.nals()) {
                    stream.write(new byte[] {0, 0, 0, 1});
                    stream.write(nal);
                }
            }
        }
        Path file = dir.resolve("out.h264");
        Files.write(file, stream.toByteArray());
        assertEquals("h264,1920,1080", ffprobe(file));
    }

    @Test
    void release_thenEncode_reopensWithAKeyframeCarryingTheSameParameterSets() {
        EncoderSettings sub = EncoderSettings.subOf(new EncoderSettings(1920, 1080, 1920, 1080, 1, 2_000_000));
        byte[] picture = picture(1920, 1080);
        try (H264Encoder encoder = new H264Encoder(sub)) {
            AccessUnit before = encoder.encode(picture, 1_000, true);
            encoder.release();
            encoder.release();
            AccessUnit after = encoder.encode(picture, 2_000, false);
            AccessUnit next = encoder.encode(picture, 3_000, false);

            assertTrue(after.keyframe());
            assertFalse(next.keyframe());
            assertEquals(2_000, after.ptsMillis());
            for (int type : List.of(AnnexB.NAL_SPS, AnnexB.NAL_PPS)) {
                assertArrayEquals(nal(before, type), nal(after, type), "NAL type " + type);
            }
        }
    }

    private static byte[] nal(AccessUnit unit, int type) {
        return unit.nals().stream().filter(nal -> AnnexB.type(nal) == type).findFirst().orElseThrow();
    }

    @Test
    void encode_spsCarriesTimingAndNoReordering_asFfmpegReadsIt() throws IOException, InterruptedException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (H264Encoder encoder = new H264Encoder(EncoderSettings.subOf(
                new EncoderSettings(1920, 1080, 1920, 1080, 1, 2_000_000)))) {
            byte[] picture = picture(1920, 1080);
            for (int i = 0; i < 3; i++) {
                for (byte[] nal : encoder.encode(picture, i * 1_000L, i == 0).nals()) {
                    stream.write(new byte[] {0, 0, 0, 1});
                    stream.write(nal);
                }
            }
        }
        Path file = dir.resolve("timed.h264");
        Files.write(file, stream.toByteArray());
        assertEquals("1/1", run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=r_frame_rate", "-of", "csv=p=0", file.toString()));
        String trace = run("ffmpeg", "-v", "info", "-i", file.toString(), "-c", "copy", "-bsf:v", "trace_headers",
                "-f", "null", "-");
        for (String field : List.of("num_units_in_tick", "time_scale", "max_num_reorder_frames",
                "max_dec_frame_buffering")) {
            String value = trace.lines().filter(line -> line.contains(" " + field + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(field + " missing in:\n" + trace));
            assertEquals(switch (field) {
                case "num_units_in_tick", "max_dec_frame_buffering" -> "1";
                case "time_scale" -> "2";
                default -> "0";
            }, value.substring(value.lastIndexOf('=') + 1).strip(), value);
        }
    }

    @Test
    void encode_onTheSameLayer_convertsOnlyTheClockBand_andEncodesTheSameAsWholeConversion() {
        sameBitstreams(new EncoderSettings(1920, 1080, 1920, 1080, 1, 2_000_000));
    }

    @Test
    void encode_scaledOnTheSameLayer_scalesOnlyABand_andEncodesTheSameAsWholeScaling() {
        // sub sizes ONVIF offers from 1080p, one of each height ratio family (3:2, 15:8, 12:5, 9:4, 3:1)
        for (int[] size : new int[][] {{1280, 720}, {1024, 576}, {800, 450}, {704, 480}, {640, 360}}) {
            sameBitstreams(new EncoderSettings(1920, 1080, size[0], size[1], 1, 1_000_000));
        }
    }

    @Test
    void encode_scaledBand_afterARelease_staysTheSameAsWholeScaling() {
        // the band's own frame must go with the rest of the native state, not be reused freed
        sameBitstreams(new EncoderSettings(1920, 1080, 1280, 720, 1, 1_000_000), true);
    }

    private static void sameBitstreams(EncoderSettings settings) {
        sameBitstreams(settings, false);
    }

    /** Three clock ticks (banded against whole), or with {@code released} three more after both release. */
    private static void sameBitstreams(EncoderSettings settings, boolean released) {
        int width = settings.sourceWidth();
        int height = settings.sourceHeight();
        ViewPlanner planner = new ViewPlanner("Site", GridLayout.capacity(width, height), 10_000, 30_000, 15_000,
                ZoneOffset.UTC);
        DashboardRenderer renderer = new DashboardRenderer(width, height, Fonts.check(), ZoneOffset.UTC);
        try (H264Encoder banded = new H264Encoder(settings); H264Encoder whole = new H264Encoder(settings)) {
            for (int i = 0; i < (released ? 6 : 3); i++) {
                long now = 1_000L * i;
                if (i == 3) {
                    banded.release();
                    whole.release();
                }
                RenderedFrame frame = renderer.render(planner.plan(FeedSnapshot.of(Cards.quiet(12)), now), now);
                assertEquals(1, frame.layer(), "one layer, the clock ticking");
                byte[] bgr = ((DataBufferByte) frame.image().getRaster().getDataBuffer()).getData();
                AccessUnit fromBand = banded.encode(new Picture(bgr, frame.layer(), frame.changingRows()), now, i == 0);
                AccessUnit fromWhole = whole.encode(Picture.whole(bgr), now, i == 0);
                assertEquals(fromWhole.nals().size(), fromBand.nals().size());
                for (int n = 0; n < fromWhole.nals().size(); n++) {
                    assertArrayEquals(fromWhole.nals().get(n), fromBand.nals().get(n),
                            settings.width() + "x" + settings.height() + " picture " + i + " NAL " + n);
                }
            }
        }
    }

    @Test
    void encode_subProfileScalesTo720p() throws IOException, InterruptedException {
        EncoderSettings sub = EncoderSettings.subOf(new EncoderSettings(1920, 1080, 1920, 1080, 1, 2_000_000));
        assertEquals(1280, sub.width());
        assertEquals(720, sub.height());
        try (H264Encoder encoder = new H264Encoder(sub)) {
            AccessUnit unit = encoder.encode(picture(1920, 1080), 0, true);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (byte[] nal : unit.nals()) {
                stream.write(new byte[] {0, 0, 1});
                stream.write(nal);
            }
            Path file = dir.resolve("sub.h264");
            Files.write(file, stream.toByteArray());
            assertEquals("h264,1280,720", ffprobe(file));
        }
    }

    static byte[] picture(int width, int height) {
        ViewPlanner planner = new ViewPlanner("Site", GridLayout.capacity(width, height), 10_000, 30_000, 15_000,
                ZoneOffset.UTC);
        DashboardRenderer renderer = new DashboardRenderer(width, height, Fonts.check(), ZoneOffset.UTC);
        return ((DataBufferByte) renderer.render(planner.plan(FeedSnapshot.of(Cards.quiet(12)), 0), 0).image()
                .getRaster().getDataBuffer()).getData();
    }

    private static String ffprobe(Path file) throws IOException, InterruptedException {
        return run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", file.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return output.strip();
    }
}
