package io.streampulse.streamer.onvif.device;

import io.streampulse.streamer.onvif.soap.Xml;

/**
 * GetCapabilities (the pre-GetServices way clients find the media XAddr) and the per-service capabilities.
 * Streaming: RTSP over TCP and UDP unicast, no multicast; RTP_TCP (RTP over plain TCP, no RTSP) is not offered.
 */
final class CapabilitiesXml {

    private CapabilitiesXml() {
    }

    static String capabilities(String device, String media) {
        return Xml.create().open("tds:Capabilities")
                .open("tt:Device").text("tt:XAddr", device)
                .open("tt:Network").text("tt:IPFilter", false).text("tt:ZeroConfiguration", false)
                .text("tt:IPVersion6", false).text("tt:DynDNS", false).close("tt:Network")
                .open("tt:System").text("tt:DiscoveryResolve", false).text("tt:DiscoveryBye", true)
                .text("tt:RemoteDiscovery", false).text("tt:SystemBackup", false).text("tt:SystemLogging", false)
                .text("tt:FirmwareUpgrade", false)
                .open("tt:SupportedVersions").text("tt:Major", 2).text("tt:Minor", 60).close("tt:SupportedVersions")
                .close("tt:System")
                .open("tt:Security").text("tt:TLS1.1", false).text("tt:TLS1.2", false)
                .text("tt:OnboardKeyGeneration", false).text("tt:AccessPolicyConfig", false)
                .text("tt:X.509Token", false).text("tt:SAMLToken", false).text("tt:KerberosToken", false)
                .text("tt:RELToken", false).close("tt:Security")
                .close("tt:Device")
                .open("tt:Media").text("tt:XAddr", media)
                .open("tt:StreamingCapabilities").text("tt:RTPMulticast", false).text("tt:RTP_TCP", false)
                .text("tt:RTP_RTSP_TCP", true).close("tt:StreamingCapabilities")
                .open("tt:Extension").open("tt:ProfileCapabilities").text("tt:MaximumNumberOfProfiles", 2)
                .close("tt:ProfileCapabilities").close("tt:Extension")
                .close("tt:Media")
                .close("tds:Capabilities").toString();
    }

    static String deviceServiceCapabilities() {
        return Xml.create().open("tds:Capabilities")
                .empty("tds:Network", "IPFilter", false, "ZeroConfiguration", false, "IPVersion6", false,
                        "DynDNS", false, "Dot11Configuration", false, "HostnameFromDHCP", false, "NTP", 0)
                .empty("tds:Security", "TLS1.0", false, "TLS1.1", false, "TLS1.2", false,
                        "OnboardKeyGeneration", false, "AccessPolicyConfig", false, "DefaultAccessPolicy", false,
                        "Dot1X", false, "RemoteUserHandling", false, "X.509Token", false, "SAMLToken", false,
                        "KerberosToken", false, "UsernameToken", true, "HttpDigest", true, "RELToken", false)
                .empty("tds:System", "DiscoveryResolve", false, "DiscoveryBye", true, "RemoteDiscovery", false,
                        "SystemBackup", false, "SystemLogging", false, "FirmwareUpgrade", false,
                        "HttpFirmwareUpgrade", false, "HttpSystemBackup", false, "HttpSystemLogging", false,
                        "HttpSupportInformation", false)
                .close("tds:Capabilities").toString();
    }
}
