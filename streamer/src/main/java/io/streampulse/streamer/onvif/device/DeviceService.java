package io.streampulse.streamer.onvif.device;

import io.streampulse.streamer.onvif.DeviceIdentity;
import io.streampulse.streamer.onvif.NetworkInterfaceInfo;
import io.streampulse.streamer.onvif.RequestContext;
import io.streampulse.streamer.onvif.media.MediaService;
import io.streampulse.streamer.onvif.soap.Namespaces;
import io.streampulse.streamer.onvif.soap.SoapFault;
import io.streampulse.streamer.onvif.soap.SoapRequest;
import io.streampulse.streamer.onvif.soap.Xml;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * ONVIF Device management (ver10) as Profile S clients call it: time (answered without authentication, so a
 * client can correct its UsernameToken clock), capabilities and services pointing at our XAddrs, device
 * information, network interfaces and scopes. Everything else is ter:ActionNotSupported.
 */
public final class DeviceService {

    public static final String DEVICE_PATH = "/onvif/device_service";
    public static final String MEDIA_PATH = "/onvif/media_service";

    private final DeviceIdentity identity;
    private final ZoneId zone;
    private final Supplier<List<NetworkInterfaceInfo>> interfaces;

    public DeviceService(DeviceIdentity identity, ZoneId zone, Supplier<List<NetworkInterfaceInfo>> interfaces) {
        this.identity = identity;
        this.zone = zone;
        this.interfaces = interfaces;
    }

    /** The response body for a device operation. */
    public String handle(SoapRequest request, RequestContext context) throws SoapFault {
        String device = context.httpBase() + DEVICE_PATH;
        String media = context.httpBase() + MEDIA_PATH;
        return switch (request.operation()) {
            case "GetSystemDateAndTime" -> Xml.create().open("tds:GetSystemDateAndTimeResponse")
                    .raw(SystemDateAndTimeXml.render(context.now(), zone))
                    .close("tds:GetSystemDateAndTimeResponse").toString();
            case "GetCapabilities" -> Xml.create().open("tds:GetCapabilitiesResponse")
                    .raw(CapabilitiesXml.capabilities(device, media)).close("tds:GetCapabilitiesResponse").toString();
            case "GetServices" -> services(request, device, media);
            case "GetServiceCapabilities" -> Xml.create().open("tds:GetServiceCapabilitiesResponse")
                    .raw(CapabilitiesXml.deviceServiceCapabilities()).close("tds:GetServiceCapabilitiesResponse")
                    .toString();
            case "GetDeviceInformation" -> Xml.create().open("tds:GetDeviceInformationResponse")
                    .text("tds:Manufacturer", identity.manufacturer()).text("tds:Model", identity.model())
                    .text("tds:FirmwareVersion", identity.firmware())
                    .text("tds:SerialNumber", identity.endpoint()).text("tds:HardwareId", identity.model())
                    .close("tds:GetDeviceInformationResponse").toString();
            case "GetNetworkInterfaces" -> networkInterfaces();
            case "GetScopes" -> scopes();
            default -> throw SoapFault.notSupported(request.operation());
        };
    }

    private String services(SoapRequest request, String device, String media) {
        boolean withCapabilities = request.text("IncludeCapability").map(Boolean::parseBoolean).orElse(false);
        Xml xml = Xml.create().open("tds:GetServicesResponse");
        service(xml, Namespaces.DEVICE, device, withCapabilities ? CapabilitiesXml.deviceServiceCapabilities() : "");
        service(xml, Namespaces.MEDIA, media, withCapabilities ? MediaService.serviceCapabilities() : "");
        return xml.close("tds:GetServicesResponse").toString();
    }

    private static void service(Xml xml, String namespace, String xaddr, String capabilities) {
        xml.open("tds:Service").text("tds:Namespace", namespace).text("tds:XAddr", xaddr);
        if (!capabilities.isEmpty()) {
            xml.open("tds:Capabilities").raw(capabilities).close("tds:Capabilities");
        }
        xml.open("tds:Version").text("tt:Major", 2).text("tt:Minor", 60).close("tds:Version").close("tds:Service");
    }

    private String networkInterfaces() {
        Xml xml = Xml.create().open("tds:GetNetworkInterfacesResponse");
        for (NetworkInterfaceInfo nic : interfaces.get()) {
            xml.open("tds:NetworkInterfaces", "token", nic.name()).text("tt:Enabled", true)
                    .open("tt:Info").text("tt:Name", nic.name()).text("tt:HwAddress", nic.mac())
                    .text("tt:MTU", nic.mtu()).close("tt:Info");
            if (!nic.ipv4().isEmpty()) {
                xml.open("tt:IPv4").text("tt:Enabled", true).open("tt:Config")
                        .open("tt:Manual").text("tt:Address", nic.ipv4()).text("tt:PrefixLength", nic.prefixLength())
                        .close("tt:Manual").text("tt:DHCP", false).close("tt:Config").close("tt:IPv4");
            }
            xml.close("tds:NetworkInterfaces");
        }
        return xml.close("tds:GetNetworkInterfacesResponse").toString();
    }

    private String scopes() {
        Xml xml = Xml.create().open("tds:GetScopesResponse");
        for (String scope : identity.scopes()) {
            xml.open("tds:Scopes").text("tt:ScopeDef", "Fixed").text("tt:ScopeItem", scope).close("tds:Scopes");
        }
        return xml.close("tds:GetScopesResponse").toString();
    }
}
