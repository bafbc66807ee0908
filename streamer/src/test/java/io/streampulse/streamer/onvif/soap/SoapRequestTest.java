package io.streampulse.streamer.onvif.soap;

import io.streampulse.streamer.onvif.SoapBodies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoapRequestTest {

    @Test
    void parse_npmGetSystemDateAndTime_givesTheDeviceOperationWithoutToken() throws SoapFault {
        SoapRequest request = SoapRequest.parse(SoapBodies.GET_SYSTEM_DATE_AND_TIME.getBytes(StandardCharsets.UTF_8));

        assertEquals(Namespaces.DEVICE, request.namespace());
        assertEquals("GetSystemDateAndTime", request.operation());
        assertTrue(request.token().isEmpty());
    }

    @Test
    void parse_npmGetStreamUriWithUsernameToken_readsTokenAndParameters() throws SoapFault {
        SoapRequest request = SoapRequest.parse(SoapBodies.withToken("admin", "tuOSpGlFlIXsozq4HFNeeGeFLEI=",
                "LKqI6G/AikKCQrN0zqZFlg==", "2010-09-16T07:50:45Z", "<GetStreamUri xmlns=\"http://www.onvif.org/"
                        + "ver10/media/wsdl\"><StreamSetup><Stream xmlns=\"http://www.onvif.org/ver10/schema\">"
                        + "RTP-Unicast</Stream><Transport xmlns=\"http://www.onvif.org/ver10/schema\"><Protocol>RTSP"
                        + "</Protocol></Transport></StreamSetup><ProfileToken>sub</ProfileToken></GetStreamUri>"));

        assertEquals(Namespaces.MEDIA, request.namespace());
        assertEquals("GetStreamUri", request.operation());
        assertEquals("sub", request.text("ProfileToken").orElseThrow());
        UsernameToken token = request.token().orElseThrow();
        assertEquals("admin", token.username());
        assertTrue(token.digest());
        assertEquals("LKqI6G/AikKCQrN0zqZFlg==", token.nonce());
        assertEquals("2010-09-16T07:50:45Z", token.created());
    }

    @Test
    void parse_prefixedOperationsOfOdmStyle_areReadByNamespace() throws SoapFault {
        String body = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:trt=\""
                + Namespaces.MEDIA + "\"><soap:Body><trt:GetProfiles/></soap:Body></soap:Envelope>";

        SoapRequest request = SoapRequest.parse(body.getBytes(StandardCharsets.UTF_8));

        assertEquals(Namespaces.MEDIA, request.namespace());
        assertEquals("GetProfiles", request.operation());
    }

    @Test
    void parse_soap11Envelope_isVersionMismatch() {
        String body = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body><GetProfiles/>"
                + "</e:Body></e:Envelope>";

        SoapFault fault = assertThrows(SoapFault.class, () -> SoapRequest.parse(body.getBytes()));

        assertEquals(SoapFault.Code.VERSION_MISMATCH, fault.code());
    }

    @Test
    void parse_truncatedXml_isASenderFaultSayingWhere() {
        SoapFault fault = assertThrows(SoapFault.class, () -> SoapRequest.parse(
                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><GetProf".getBytes()));

        assertEquals(SoapFault.Code.SENDER, fault.code());
        assertEquals(java.util.List.of("ter:WellFormed"), fault.subcodes());
        assertTrue(fault.reason().startsWith("Malformed XML at line 1, column"), fault.reason());
    }

    @Test
    void parse_externalEntity_isRefusedWithoutReadingTheFile() throws Exception {
        Path secret = Files.createTempFile("onvif-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><GetScopes xmlns=\""
                + Namespaces.DEVICE + "\">&x;</GetScopes></s:Body></s:Envelope>";

        SoapFault fault = assertThrows(SoapFault.class, () -> SoapRequest.parse(body.getBytes()));

        assertEquals(SoapFault.Code.SENDER, fault.code());
        assertTrue(fault.reason().contains("DOCTYPE"), fault.reason());
        assertFalse(fault.reason().contains("TOP-SECRET"));
    }

    @Test
    void parse_billionLaughs_isRefusedAtTheDoctype() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><s:Envelope xmlns:s=\""
                + Namespaces.SOAP12 + "\"><s:Body><GetScopes>&c;</GetScopes></s:Body></s:Envelope>";

        assertThrows(SoapFault.class, () -> SoapRequest.parse(body.getBytes()));
    }

    @Test
    void parse_emptyBodyAndHugeBody_areSenderFaults() {
        assertEquals(SoapFault.Code.SENDER, assertThrows(SoapFault.class,
                () -> SoapRequest.parse(new byte[0])).code());
        assertEquals(SoapFault.Code.SENDER, assertThrows(SoapFault.class,
                () -> SoapRequest.parse(new byte[SecureXml.MAX_BYTES + 1])).code());
    }

    @Test
    void parse_deepNesting_isRefusedBeforeAnyoneWalksIt() {
        String body = "<s:Envelope xmlns:s=\"" + Namespaces.SOAP12 + "\"><s:Body><GetScopes>" + "<a>".repeat(9_000)
                + "</a>".repeat(9_000) + "</GetScopes></s:Body></s:Envelope>";

        SoapFault fault = assertThrows(SoapFault.class, () -> SoapRequest.parse(body.getBytes()));

        assertTrue(fault.reason().contains("maxElementDepth") || fault.reason().contains("depth"), fault.reason());
    }

    @Test
    void parse_envelopeWithoutOperation_isASenderFault() {
        String body = "<s:Envelope xmlns:s=\"" + Namespaces.SOAP12 + "\"><s:Body/></s:Envelope>";

        SoapFault fault = assertThrows(SoapFault.class, () -> SoapRequest.parse(body.getBytes()));

        assertEquals("The Body is empty: expected one operation", fault.reason());
    }

    @Test
    void fault_rendersNestedSubcodesAndEscapedReason() {
        String xml = SoapEnvelope.fault(SoapFault.invalidArg("No profile '<x>'", "ter:NoProfile"));

        assertTrue(xml.contains("<env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>"
                + "ter:InvalidArgVal</env:Value><env:Subcode><env:Value>ter:NoProfile</env:Value></env:Subcode>"
                + "</env:Subcode></env:Code>"), xml);
        assertTrue(xml.contains("<env:Text xml:lang=\"en\">No profile '&lt;x&gt;'</env:Text>"), xml);
    }
}
