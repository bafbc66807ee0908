package io.streampulse.streamer.onvif.media;

import io.streampulse.streamer.onvif.soap.Xml;

/** trt:Options of GetVideoEncoderConfigurationOptions: H.264 only, Baseline (OpenH264's Constrained Baseline). */
final class EncoderOptionsXml {

    private EncoderOptionsXml() {
    }

    static String render(EncoderOptions options) {
        Xml xml = Xml.create().open("trt:Options");
        range(xml, "tt:QualityRange", options.quality());
        h264(xml, "tt:H264", options, false);
        xml.open("tt:Extension");
        h264(xml, "tt:H264", options, true);
        xml.close("tt:Extension");
        return xml.close("trt:Options").toString();
    }

    private static void h264(Xml xml, String element, EncoderOptions options, boolean withBitrate) {
        xml.open(element);
        for (int[] size : options.resolutions()) {
            xml.open("tt:ResolutionsAvailable").text("tt:Width", size[0]).text("tt:Height", size[1])
                    .close("tt:ResolutionsAvailable");
        }
        range(xml, "tt:GovLengthRange", options.govLength());
        range(xml, "tt:FrameRateRange", options.frameRate());
        range(xml, "tt:EncodingIntervalRange", options.encodingInterval());
        xml.text("tt:H264ProfilesSupported", "Baseline");
        if (withBitrate) {
            range(xml, "tt:BitrateRange", options.bitrateKbps());
        }
        xml.close(element);
    }

    private static void range(Xml xml, String element, EncoderOptions.Range range) {
        xml.open(element).text("tt:Min", range.min()).text("tt:Max", range.max()).close(element);
    }
}
