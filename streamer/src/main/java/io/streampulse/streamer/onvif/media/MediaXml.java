package io.streampulse.streamer.onvif.media;

import io.streampulse.streamer.onvif.soap.Xml;

/**
 * The tt: elements the media answers share (ONVIF schema order matters to strict clients): the video source
 * configuration, the video encoder configuration and a profile holding both.
 */
final class MediaXml {

    static final String SOURCE_TOKEN = "VideoSource_1";
    static final String SOURCE_CONFIG_TOKEN = "VideoSourceConfig_1";

    private MediaXml() {
    }

    static void sourceConfiguration(Xml xml, String element, int width, int height, int useCount) {
        xml.open(element, "token", SOURCE_CONFIG_TOKEN)
                .text("tt:Name", "Dashboard").text("tt:UseCount", useCount).text("tt:SourceToken", SOURCE_TOKEN)
                .empty("tt:Bounds", "x", 0, "y", 0, "width", width, "height", height)
                .close(element);
    }

    static void encoderConfiguration(Xml xml, String element, VideoEncoderConfig config) {
        xml.open(element, "token", config.token())
                .text("tt:Name", config.name()).text("tt:UseCount", 1).text("tt:Encoding", "H264")
                .open("tt:Resolution").text("tt:Width", config.width()).text("tt:Height", config.height())
                .close("tt:Resolution")
                .text("tt:Quality", config.quality())
                .open("tt:RateControl").text("tt:FrameRateLimit", config.frameRateLimit())
                .text("tt:EncodingInterval", config.encodingInterval()).text("tt:BitrateLimit", config.bitrateKbps())
                .close("tt:RateControl")
                .open("tt:H264").text("tt:GovLength", config.govLength()).text("tt:H264Profile", "Baseline")
                .close("tt:H264")
                .open("tt:Multicast").open("tt:Address").text("tt:Type", "IPv4").text("tt:IPv4Address", "0.0.0.0")
                .close("tt:Address").text("tt:Port", 0).text("tt:TTL", 0).text("tt:AutoStart", false)
                .close("tt:Multicast")
                .text("tt:SessionTimeout", "PT60S")
                .close(element);
    }

    static void profile(Xml xml, String element, VideoEncoderConfig config, int sourceWidth, int sourceHeight,
                        int profiles) {
        xml.open(element, "token", config.profile(), "fixed", true)
                .text("tt:Name", config.profile());
        sourceConfiguration(xml, "tt:VideoSourceConfiguration", sourceWidth, sourceHeight, profiles);
        encoderConfiguration(xml, "tt:VideoEncoderConfiguration", config);
        xml.close(element);
    }
}
