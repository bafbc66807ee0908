package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPS vectors taken from real encoders: {@code ffmpeg -f lavfi -i testsrc=size=WxH -c:v libx264 -profile:v P}
 * (x264 0.164), then the type-7 NAL unit of the Annex B output; the size is what was encoded and the profile is
 * what {@code ffprobe} reports for that file.
 */
class H264SpsParserTest {

    @ParameterizedTest(name = "{1}x{2} {3}")
    @CsvSource({
        // 1088 coded rows cropped to 1080 (frame_crop_bottom_offset 4 in 4:2:0 units)
        "67640028acd940780227e5c044000003000400000300c83c60c658, 1920, 1080, High, 4, false",
        "674d401feca02802dd80880000030008000003019078c18cb0, 1280, 720, Main, 3.1, false",
        "6742c01ed900a03db011000003000100000300320f162e48, 640, 480, Constrained Baseline, 3, false",
        "6764000dacd9416096c044000003000400000300c83c50a658, 352, 288, High, 1.3, false",
        // 4:2:2: chroma_format_idc 2, crop unit 2x1
        "677a0028bcd9405a0227e27011000003000100000300320f183196, 1440, 1080, High 4:2:2, 4, false",
        // odd size: crops on both axes
        "674d4028eca03c0113d4d808800000030080000019078c18cb, 1918, 1078, Main, 4, false",
        // interlaced (x264 interlaced=1): frame_mbs_only_flag 0 doubles the map units, crop unit doubles too
        "67640028acd94078044fde0220000003002000000643e2c5b2c0, 1920, 1080, High, 4, true",
    })
    void parse_x264Sps_givesEncodedSizeAndProfile(String hex, int width, int height, String profile, String level,
                                                  boolean interlaced) {
        H264Sps sps = H264SpsParser.parse(HexFormat.of().parseHex(hex));

        assertEquals(width, sps.width(), "width");
        assertEquals(height, sps.height(), "height");
        assertEquals(profile, sps.profile());
        assertEquals(level, sps.level());
        assertEquals(interlaced, sps.interlaced());
    }

    @Test
    void parse_hikvisionStyleSps_isMain42At1080p() {
        // from a Hikvision-style SDP (sprop-parameter-sets Z00AKp2oHgCJ+WbgICAoAAADAAgAAAMBlCA=); fields confirmed
        // with ffmpeg -bsf:v trace_headers: profile_idc 77, level_idc 42, 120x68 MBs, crop bottom 4
        H264Sps sps = H264SpsParser.parse(HexFormat.of().parseHex("674d002a9da81e0089f966e02020280000030008000003019420"));

        assertEquals("Main", sps.profile());
        assertEquals("4.2", sps.level());
        assertEquals(1920, sps.width());
        assertEquals(1080, sps.height());
    }

    @Test
    void parse_gstreamerX264Sps_isConstrainedBaseline720p() {
        // from the GStreamer test camera's SDP (x264enc speed-preset=ultrafast, 1280x720)
        H264Sps sps = H264SpsParser.parse(java.util.Base64.getDecoder().decode("Z0LAH9oBQBbsBagICAoAAAMAAgAAAwApHjBlQA=="));

        assertEquals("Constrained Baseline 3.1 1280x720",
                sps.profile() + " " + sps.level() + " " + sps.width() + "x" + sps.height());
    }

    @Test
    void parse_ppsInsteadOfSps_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> H264SpsParser.parse(HexFormat.of().parseHex("68ce3c80")));
    }

    @Test
    void parse_truncatedSps_isRejectedNotMisread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> H264SpsParser.parse(HexFormat.of().parseHex("67640028acd9")));

        assertEquals("SPS ends early at bit 48", e.getMessage());
    }

    @Test
    void unescape_emulationPreventionBytes_areDropped() {
        assertEquals("0000010000", HexFormat.of().formatHex(
                RbspBitReader.unescape(HexFormat.of().parseHex("000003010000"))));
    }
}
