package io.streampulse.streamer.onvif;

import java.util.UUID;

/**
 * What the device says it is: GetDeviceInformation, GetScopes and WS-Discovery's endpoint reference.
 *
 * @param endpoint the stable WS-Discovery endpoint id (also the serial number)
 * @param name     the scope name (onvif://www.onvif.org/name/...), the site's dashboard name
 */
public record DeviceIdentity(String manufacturer, String model, String firmware, UUID endpoint, String name) {

    public String endpointUrn() {
        return "urn:uuid:" + endpoint;
    }

    /** The scopes GetScopes lists and ProbeMatch carries (Profile S, a video transmitter, name, location). */
    public java.util.List<String> scopes() {
        return java.util.List.of("onvif://www.onvif.org/Profile/Streaming",
                "onvif://www.onvif.org/type/video_encoder",
                "onvif://www.onvif.org/type/Network_Video_Transmitter",
                "onvif://www.onvif.org/hardware/" + scopeSafe(model),
                "onvif://www.onvif.org/name/" + scopeSafe(name));
    }

    private static String scopeSafe(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
