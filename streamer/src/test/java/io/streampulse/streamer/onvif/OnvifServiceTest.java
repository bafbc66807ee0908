package io.streampulse.streamer.onvif;

import io.streampulse.streamer.onvif.device.DeviceService;
import io.streampulse.streamer.onvif.media.EncoderConfigurations;
import io.streampulse.streamer.onvif.media.EncoderOptions;
import io.streampulse.streamer.onvif.media.MediaService;
import io.streampulse.streamer.onvif.media.VideoEncoderConfig;
import io.streampulse.streamer.onvif.soap.UsernameTokenCheck;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SOAP endpoint without sockets: request vectors in, status and envelope out. */
class OnvifServiceTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final RequestContext LAN = new RequestContext("192.168.1.20", 8080, "", NOW);

    private final List<VideoEncoderConfig> applied = new ArrayList<>();
    private final OnvifService service = service("admin", "pw");
    private int nonceCounter;

    @Test
    void getSystemDateAndTime_needsNoCredentials() {
        OnvifResponse response = service.handle(SoapBodies.GET_SYSTEM_DATE_AND_TIME.getBytes(), LAN);

        assertEquals(200, response.status());
        assertTrue(response.body().contains("<tt:UTCDateTime><tt:Time><tt:Hour>12</tt:Hour><tt:Minute>0</tt:Minute>"
                + "<tt:Second>0</tt:Second></tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>11</tt:Month>"
                + "<tt:Day>27</tt:Day></tt:Date></tt:UTCDateTime>"), response.body());
    }

    @Test
    void getProfiles_withoutCredentials_isChallengedWithDigest() {
        OnvifResponse response = service.handle(SoapBodies.plain(SoapBodies.media("<GetProfiles/>")), LAN);

        assertEquals(401, response.status());
        assertTrue(response.challenges().get(0).startsWith("Digest realm=\"StreamPulse\""));
        assertTrue(response.body().contains("ter:NotAuthorized"));
    }

    @Test
    void getProfiles_withToken_listsMainAndSubWithTheirEncoders() {
        OnvifResponse response = authorized(SoapBodies.media("<GetProfiles/>"));

        assertEquals(200, response.status(), response.body());
        assertTrue(response.body().contains("<trt:Profiles token=\"main\" fixed=\"true\"><tt:Name>main</tt:Name>"
                + "<tt:VideoSourceConfiguration token=\"VideoSourceConfig_1\">"), response.body());
        assertTrue(response.body().contains("<tt:SourceToken>VideoSource_1</tt:SourceToken>"));
        assertTrue(response.body().contains("<trt:Profiles token=\"sub\" fixed=\"true\">"));
        assertTrue(response.body().contains("<tt:VideoEncoderConfiguration token=\"sub_encoder\"><tt:Name>sub H.264"
                + "</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>"
                + "1280</tt:Width><tt:Height>720</tt:Height></tt:Resolution>"), response.body());
    }

    @Test
    void getStreamUri_andSnapshotUri_nameTheHostTheClientUsed() {
        String stream = authorized(SoapBodies.media("<GetStreamUri><StreamSetup><Stream xmlns=\"http://www.onvif.org/"
                + "ver10/schema\">RTP-Unicast</Stream></StreamSetup><ProfileToken>sub</ProfileToken></GetStreamUri>"))
                .body();
        String snapshot = authorized(SoapBodies.media("<GetSnapshotUri><ProfileToken>main</ProfileToken>"
                + "</GetSnapshotUri>")).body();

        assertTrue(stream.contains("<tt:Uri>rtsp://192.168.1.20:8554/lobby_sub</tt:Uri>"), stream);
        assertTrue(snapshot.contains("<tt:Uri>http://192.168.1.20:8080/onvif/snapshot?token=main</tt:Uri>"),
                snapshot);
    }

    @Test
    void getStreamUri_unknownProfile_isNoProfile() {
        OnvifResponse response = authorized(SoapBodies.media("<GetStreamUri><ProfileToken>third</ProfileToken>"
                + "</GetStreamUri>"));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("ter:NoProfile") && response.body().contains("No profile 'third'"));
    }

    @Test
    void getCapabilitiesAndServices_pointAtOurXAddrs() {
        String capabilities = authorized(SoapBodies.device("<GetCapabilities><Category>All</Category>"
                + "</GetCapabilities>")).body();
        String services = authorized(SoapBodies.device("<GetServices><IncludeCapability>true</IncludeCapability>"
                + "</GetServices>")).body();

        assertTrue(capabilities.contains("<tt:Media><tt:XAddr>http://192.168.1.20:8080/onvif/media_service"
                + "</tt:XAddr>"), capabilities);
        assertTrue(services.contains("<tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>"
                + "<tds:XAddr>http://192.168.1.20:8080/onvif/media_service</tds:XAddr><tds:Capabilities>"
                + "<trt:Capabilities SnapshotUri=\"true\""), services);
    }

    @Test
    void unsupportedOperations_areActionNotSupported() {
        OnvifResponse reboot = authorized(SoapBodies.device("<SystemReboot/>"));
        OnvifResponse media2 = authorized("<GetProfiles xmlns=\"http://www.onvif.org/ver20/media/wsdl\"/>");

        assertEquals(500, reboot.status());
        assertTrue(reboot.body().contains("<env:Value>env:Receiver</env:Value><env:Subcode><env:Value>"
                + "ter:ActionNotSupported</env:Value>"), reboot.body());
        assertTrue(media2.body().contains("ter:ActionNotSupported"));
    }

    @Test
    void setVideoEncoderConfiguration_withinOptions_isStoredAndApplied() {
        OnvifResponse response = authorized(SoapBodies.media("<SetVideoEncoderConfiguration><Configuration token="
                + "\"sub_encoder\"><Encoding xmlns=\"http://www.onvif.org/ver10/schema\">H264</Encoding><Resolution"
                + " xmlns=\"http://www.onvif.org/ver10/schema\"><Width>704</Width><Height>480</Height></Resolution>"
                + "<RateControl xmlns=\"http://www.onvif.org/ver10/schema\"><FrameRateLimit>6</FrameRateLimit>"
                + "<BitrateLimit>512</BitrateLimit></RateControl></Configuration><ForcePersistence>true"
                + "</ForcePersistence></SetVideoEncoderConfiguration>"));

        assertEquals(200, response.status(), response.body());
        assertEquals(1, applied.size());
        assertEquals(704, applied.get(0).width());
        assertEquals(6, applied.get(0).frameRateLimit());
        String configuration = authorized(SoapBodies.media("<GetVideoEncoderConfiguration><ConfigurationToken>"
                + "sub_encoder</ConfigurationToken></GetVideoEncoderConfiguration>")).body();
        assertTrue(configuration.contains("<tt:Width>704</tt:Width><tt:Height>480</tt:Height>"), configuration);
        assertTrue(configuration.contains("<tt:FrameRateLimit>6</tt:FrameRateLimit>"), configuration);
    }

    @Test
    void setVideoEncoderConfiguration_outsideOptions_isConfigModifyAndChangesNothing() {
        OnvifResponse big = authorized(SoapBodies.media("<SetVideoEncoderConfiguration><Configuration token="
                + "\"sub_encoder\"><Resolution><Width>1920</Width><Height>1080</Height></Resolution></Configuration>"
                + "</SetVideoEncoderConfiguration>"));
        OnvifResponse fast = authorized(SoapBodies.media("<SetVideoEncoderConfiguration><Configuration token="
                + "\"sub_encoder\"><RateControl><FrameRateLimit>60</FrameRateLimit></RateControl></Configuration>"
                + "</SetVideoEncoderConfiguration>"));

        assertEquals(400, big.status());
        assertTrue(big.body().contains("ter:ConfigModify") && big.body().contains("1920x1080 is not offered"));
        assertTrue(fast.body().contains("FrameRateLimit 60 is outside 1..30"), fast.body());
        assertEquals(List.of(), applied);
    }

    @Test
    void getVideoEncoderConfigurationOptions_forSub_listsD1AndNothingAbove720p() {
        String options = authorized(SoapBodies.media("<GetVideoEncoderConfigurationOptions><ProfileToken>sub"
                + "</ProfileToken></GetVideoEncoderConfigurationOptions>")).body();

        assertTrue(options.contains("<tt:ResolutionsAvailable><tt:Width>704</tt:Width><tt:Height>480</tt:Height>"),
                options);
        assertTrue(options.contains("<tt:FrameRateRange><tt:Min>1</tt:Min><tt:Max>30</tt:Max></tt:FrameRateRange>"));
        assertTrue(!options.contains("<tt:Width>1920</tt:Width>"), options);
    }

    @Test
    void getProfile_getVideoSources_deviceInformationAndInterfaces_answer() {
        String profile = authorized(SoapBodies.media("<GetProfile><ProfileToken>sub</ProfileToken></GetProfile>"))
                .body();
        String sources = authorized(SoapBodies.media("<GetVideoSources/>")).body();
        String information = authorized(SoapBodies.device("<GetDeviceInformation/>")).body();
        String interfaces = authorized(SoapBodies.device("<GetNetworkInterfaces/>")).body();

        assertTrue(profile.contains("<trt:Profile token=\"sub\" fixed=\"true\">"), profile);
        assertTrue(sources.contains("<trt:VideoSources token=\"VideoSource_1\"><tt:Framerate>1</tt:Framerate>"
                + "<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height>"), sources);
        assertTrue(information.contains("<tds:SerialNumber>6f1c2a30-0000-4000-8000-000000000001</tds:SerialNumber>"),
                information);
        assertTrue(interfaces.contains("<tds:NetworkInterfaces token=\"eth0\"><tt:Enabled>true</tt:Enabled><tt:Info>"
                + "<tt:Name>eth0</tt:Name><tt:HwAddress>02:fc:00:00:00:01</tt:HwAddress>"), interfaces);
    }

    @Test
    void setVideoEncoderConfiguration_nonNumberOrUnknownToken_isASenderFault() {
        OnvifResponse text = authorized(SoapBodies.media("<SetVideoEncoderConfiguration><Configuration token="
                + "\"sub_encoder\"><Resolution><Width>wide</Width></Resolution></Configuration>"
                + "</SetVideoEncoderConfiguration>"));
        OnvifResponse unknown = authorized(SoapBodies.media("<SetVideoEncoderConfiguration><Configuration token="
                + "\"third\"/></SetVideoEncoderConfiguration>"));

        assertEquals(400, text.status());
        assertTrue(text.body().contains("Width 'wide' is not a number"), text.body());
        assertTrue(unknown.body().contains("ter:NoConfig"), unknown.body());
        assertEquals(List.of(), applied);
    }

    @Test
    void wrongDigest_isNotAuthorizedWith400() {
        OnvifResponse response = service.handle(SoapBodies.withToken("admin", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                nonce(), NOW.toString(), SoapBodies.media("<GetProfiles/>")), LAN);

        assertEquals(400, response.status());
        assertTrue(response.body().contains("ter:NotAuthorized"));
    }

    @Test
    void wrongHttpDigest_isChallengedAgain() {
        OnvifResponse response = service.handle(SoapBodies.plain(SoapBodies.media("<GetProfiles/>")),
                new RequestContext("192.168.1.20", 8080, "Digest username=\"admin\", realm=\"StreamPulse\", "
                        + "nonce=\"not-ours\", uri=\"/onvif/media_service\", response=\"00\"", NOW));

        assertEquals(401, response.status());
        assertTrue(response.body().contains("the HTTP credentials are wrong"), response.body());
    }

    @Test
    void noUserConfigured_everythingIsOpen() {
        OnvifResponse response = service("", "").handle(SoapBodies.plain(SoapBodies.device("<GetScopes/>")), LAN);

        assertEquals(200, response.status());
        assertTrue(response.body().contains("onvif://www.onvif.org/name/lobby"), response.body());
    }

    private OnvifResponse authorized(String operation) {
        String nonce = nonce();
        byte[] digest = new UsernameTokenCheck("admin", "pw").digest(Base64.getDecoder().decode(nonce),
                NOW.toString());
        return service.handle(SoapBodies.withToken("admin", Base64.getEncoder().encodeToString(digest), nonce,
                NOW.toString(), operation), LAN);
    }

    private String nonce() {
        return Base64.getEncoder().encodeToString(("nonce-" + nonceCounter++).getBytes(StandardCharsets.UTF_8));
    }

    private OnvifService service(String user, String password) {
        VideoEncoderConfig main = new VideoEncoderConfig("main_encoder", "main H.264", "main", 1920, 1080, 5, 1, 1,
                2000, 10);
        VideoEncoderConfig sub = new VideoEncoderConfig("sub_encoder", "sub H.264", "sub", 1280, 720, 5, 1, 1,
                1000, 10);
        EncoderConfigurations encoders = new EncoderConfigurations(List.of(main, sub), Map.of(
                "main_encoder", EncoderOptions.main(1920, 1080),
                "sub_encoder", EncoderOptions.sub(1920, 1080, 1280, 720)), applied::add);
        DeviceIdentity identity = new DeviceIdentity("StreamPulse", "YoLink Dashboard", "test",
                UUID.fromString("6f1c2a30-0000-4000-8000-000000000001"), "lobby");
        return new OnvifService(new OnvifAuth(user, password),
                new DeviceService(identity, ZoneId.of("UTC"), () -> List.of(new NetworkInterfaceInfo("eth0",
                        "02:fc:00:00:00:01", "192.168.1.20", 24, 1500))),
                new MediaService(encoders, 1920, 1080, 1, 8554, "lobby"));
    }
}
