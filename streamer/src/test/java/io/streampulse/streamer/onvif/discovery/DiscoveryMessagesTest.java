package io.streampulse.streamer.onvif.discovery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryMessagesTest {

    static final List<String> SCOPES = List.of("onvif://www.onvif.org/Profile/Streaming",
            "onvif://www.onvif.org/name/lobby");
    static final Announcement DEVICE = new Announcement("urn:uuid:6f1c2a30-0000-4000-8000-000000000001", SCOPES,
            "http://192.168.1.20:8080/onvif/device_service", 1_790_000_000L);

    @Test
    void probe_npmNetworkVideoTransmitter_isReadAndMatches() {
        Probe probe = DiscoveryMessages.probe(ProbeDatagrams.npm("urn:uuid:aaaa", "dn:NetworkVideoTransmitter"))
                .orElseThrow();

        assertEquals("urn:uuid:aaaa", probe.messageId());
        assertEquals(List.of("{http://www.onvif.org/ver10/network/wsdl}NetworkVideoTransmitter"), probe.types());
        assertTrue(probe.matches(SCOPES));
    }

    @Test
    void probe_tdsDeviceAndNoTypes_match_otherTypesDoNot() {
        assertTrue(DiscoveryMessages.probe(ProbeDatagrams.tdsDevice("urn:uuid:b")).orElseThrow().matches(SCOPES));
        assertTrue(DiscoveryMessages.probe(ProbeDatagrams.npm("urn:uuid:c", "")).orElseThrow().matches(SCOPES));
        assertFalse(DiscoveryMessages.probe(ProbeDatagrams.npm("urn:uuid:d", "dn:Printer")).orElseThrow()
                .matches(SCOPES));
    }

    @Test
    void probe_undeclaredPrefix_matchesByLocalName() {
        assertTrue(DiscoveryMessages.probe(ProbeDatagrams.npm("urn:uuid:e", "tds:Device")).orElseThrow()
                .matches(SCOPES));
    }

    @Test
    void probe_scopes_matchByPrefix() {
        assertTrue(new Probe("x", List.of(), List.of("onvif://www.onvif.org/name")).matches(SCOPES));
        assertFalse(new Probe("x", List.of(), List.of("onvif://www.onvif.org/name/lob")).matches(SCOPES));
    }

    @Test
    void probeMatches_relatesToTheProbe_andCarriesEndpointTypesAndXAddrs() {
        Probe probe = new Probe("urn:uuid:aaaa", List.of(), List.of());

        String xml = new String(DiscoveryMessages.probeMatches(probe, DEVICE, "urn:uuid:reply", 3),
                StandardCharsets.UTF_8);

        assertTrue(xml.contains("<wsa:RelatesTo>urn:uuid:aaaa</wsa:RelatesTo>"), xml);
        assertTrue(xml.contains("<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches"
                + "</wsa:Action>"));
        assertTrue(xml.contains("<d:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:6f1c2a30-0000-4000-8000-"
                + "000000000001</wsa:Address></wsa:EndpointReference><d:Types>dn:NetworkVideoTransmitter tds:Device"
                + "</d:Types>"), xml);
        assertTrue(xml.contains("<d:XAddrs>http://192.168.1.20:8080/onvif/device_service</d:XAddrs>"));
        assertTrue(xml.contains("<d:AppSequence InstanceId=\"1790000000\" MessageNumber=\"3\"/>"));
    }

    @Test
    void ourHelloAndBye_andGarbage_areNotProbes() {
        assertTrue(DiscoveryMessages.probe(DiscoveryMessages.hello(DEVICE, "urn:uuid:h", 1)).isEmpty());
        assertTrue(DiscoveryMessages.probe(DiscoveryMessages.bye(DEVICE, "urn:uuid:b", 2)).isEmpty());
        assertTrue(DiscoveryMessages.probe("M-SEARCH * HTTP/1.1\r\n\r\n".getBytes()).isEmpty());
        assertTrue(DiscoveryMessages.probe("<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><x>&a;</x>"
                .getBytes()).isEmpty());
    }
}
