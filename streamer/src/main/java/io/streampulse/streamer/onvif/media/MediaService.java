package io.streampulse.streamer.onvif.media;

import io.streampulse.streamer.onvif.RequestContext;
import io.streampulse.streamer.onvif.soap.SoapFault;
import io.streampulse.streamer.onvif.soap.SoapRequest;
import io.streampulse.streamer.onvif.soap.Xml;

import java.util.List;

/**
 * ONVIF Media (ver10, Profile S): one video source (the dashboard) and two fixed profiles, {@code main} at
 * WIDTH×HEIGHT and {@code sub} at most 720p, each with its H.264 encoder configuration; stream URIs point at the
 * RTSP paths {@code /<STREAM_NAME>_<profile>}, snapshot URIs at {@code /onvif/snapshot?token=<profile>}.
 */
public final class MediaService {

    private final EncoderConfigurations encoders;
    private final int sourceWidth;
    private final int sourceHeight;
    private final int frameRate;
    private final int rtspPort;
    private final String streamName;

    public MediaService(EncoderConfigurations encoders, int sourceWidth, int sourceHeight, int frameRate,
                        int rtspPort, String streamName) {
        this.encoders = encoders;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.frameRate = frameRate;
        this.rtspPort = rtspPort;
        this.streamName = streamName;
    }

    /** The response body for a media operation. */
    public String handle(SoapRequest request, RequestContext context) throws SoapFault {
        Xml xml = Xml.create();
        switch (request.operation()) {
            case "GetServiceCapabilities" -> xml.open("trt:GetServiceCapabilitiesResponse").raw(serviceCapabilities())
                    .close("trt:GetServiceCapabilitiesResponse");
            case "GetProfiles" -> {
                xml.open("trt:GetProfilesResponse");
                List<VideoEncoderConfig> all = encoders.all();
                all.forEach(config -> MediaXml.profile(xml, "trt:Profiles", config, sourceWidth, sourceHeight,
                        all.size()));
                xml.close("trt:GetProfilesResponse");
            }
            case "GetProfile" -> xml.open("trt:GetProfileResponse").raw(profile(profileOf(request)))
                    .close("trt:GetProfileResponse");
            case "GetVideoSources" -> xml.open("trt:GetVideoSourcesResponse")
                    .open("trt:VideoSources", "token", MediaXml.SOURCE_TOKEN).text("tt:Framerate", frameRate)
                    .open("tt:Resolution").text("tt:Width", sourceWidth).text("tt:Height", sourceHeight)
                    .close("tt:Resolution").close("trt:VideoSources").close("trt:GetVideoSourcesResponse");
            case "GetVideoSourceConfigurations" -> {
                xml.open("trt:GetVideoSourceConfigurationsResponse");
                MediaXml.sourceConfiguration(xml, "trt:Configurations", sourceWidth, sourceHeight,
                        encoders.all().size());
                xml.close("trt:GetVideoSourceConfigurationsResponse");
            }
            case "GetVideoSourceConfiguration" -> {
                String token = required(request, "ConfigurationToken");
                if (!MediaXml.SOURCE_CONFIG_TOKEN.equals(token)) {
                    throw SoapFault.invalidArg("No video source configuration '" + token + "'", "ter:NoConfig");
                }
                xml.open("trt:GetVideoSourceConfigurationResponse");
                MediaXml.sourceConfiguration(xml, "trt:Configuration", sourceWidth, sourceHeight,
                        encoders.all().size());
                xml.close("trt:GetVideoSourceConfigurationResponse");
            }
            case "GetVideoEncoderConfigurations" -> {
                xml.open("trt:GetVideoEncoderConfigurationsResponse");
                encoders.all().forEach(config -> MediaXml.encoderConfiguration(xml, "trt:Configurations", config));
                xml.close("trt:GetVideoEncoderConfigurationsResponse");
            }
            case "GetVideoEncoderConfiguration" -> {
                xml.open("trt:GetVideoEncoderConfigurationResponse");
                MediaXml.encoderConfiguration(xml, "trt:Configuration", encoder(required(request,
                        "ConfigurationToken")));
                xml.close("trt:GetVideoEncoderConfigurationResponse");
            }
            case "GetVideoEncoderConfigurationOptions" -> xml.open("trt:GetVideoEncoderConfigurationOptionsResponse")
                    .raw(EncoderOptionsXml.render(encoders.options(optionsToken(request).token())))
                    .close("trt:GetVideoEncoderConfigurationOptionsResponse");
            case "SetVideoEncoderConfiguration" -> {
                encoders.set(EncoderConfigurationReader.read(request.element("Configuration").orElseThrow(() ->
                        SoapFault.sender("SetVideoEncoderConfiguration needs a Configuration", "ter:InvalidArgs",
                                "ter:MissingAttr")), encoders));
                xml.empty("trt:SetVideoEncoderConfigurationResponse");
            }
            case "GetStreamUri" -> xml.open("trt:GetStreamUriResponse").raw(mediaUri("rtsp://" + context.host()
                    + ":" + rtspPort + "/" + streamName + "_" + profileOf(request).profile()))
                    .close("trt:GetStreamUriResponse");
            case "GetSnapshotUri" -> xml.open("trt:GetSnapshotUriResponse").raw(mediaUri(context.httpBase()
                    + "/onvif/snapshot?token=" + profileOf(request).profile()))
                    .close("trt:GetSnapshotUriResponse");
            default -> throw SoapFault.notSupported(request.operation());
        }
        return xml.toString();
    }

    private String profile(VideoEncoderConfig config) {
        Xml xml = Xml.create();
        MediaXml.profile(xml, "trt:Profile", config, sourceWidth, sourceHeight, encoders.all().size());
        return xml.toString();
    }

    private VideoEncoderConfig profileOf(SoapRequest request) throws SoapFault {
        String token = required(request, "ProfileToken");
        return encoders.byProfile(token).orElseThrow(() ->
                SoapFault.invalidArg("No profile '" + token + "' (profiles: main, sub)", "ter:NoProfile"));
    }

    private VideoEncoderConfig encoder(String token) throws SoapFault {
        return encoders.byToken(token).orElseThrow(() ->
                SoapFault.invalidArg("No video encoder configuration '" + token + "'", "ter:NoConfig"));
    }

    /** Options for the configuration named, or the profile's, or (neither given) the main one. */
    private VideoEncoderConfig optionsToken(SoapRequest request) throws SoapFault {
        var configuration = request.text("ConfigurationToken").filter(token -> !token.isEmpty());
        if (configuration.isPresent()) {
            return encoder(configuration.get());
        }
        if (request.text("ProfileToken").filter(token -> !token.isEmpty()).isPresent()) {
            return profileOf(request);
        }
        return encoders.all().get(0);
    }

    private static String required(SoapRequest request, String element) throws SoapFault {
        return request.text(element).filter(text -> !text.isEmpty()).orElseThrow(() ->
                SoapFault.sender(request.operation() + " needs " + element, "ter:InvalidArgs", "ter:MissingAttr"));
    }

    private static String mediaUri(String uri) {
        return Xml.create().open("trt:MediaUri").text("tt:Uri", uri).text("tt:InvalidAfterConnect", false)
                .text("tt:InvalidAfterReboot", false).text("tt:Timeout", "PT0S").close("trt:MediaUri").toString();
    }

    /** trt:Capabilities (GetServiceCapabilities, and GetServices with IncludeCapability). */
    public static String serviceCapabilities() {
        return Xml.create().open("trt:Capabilities", "SnapshotUri", true, "Rotation", false,
                        "VideoSourceMode", false, "OSD", false, "EXICompression", false)
                .empty("trt:ProfileCapabilities", "MaximumNumberOfProfiles", 2)
                .empty("trt:StreamingCapabilities", "RTPMulticast", false, "RTP_TCP", false, "RTP_RTSP_TCP", true,
                        "NonAggregateControl", false, "NoRTSPStreaming", false)
                .close("trt:Capabilities").toString();
    }
}
