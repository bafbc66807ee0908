package io.streampulse.streamer.onvif.discovery;

import java.nio.charset.StandardCharsets;

/** Probe datagrams as discovery clients send them. */
final class ProbeDatagrams {

    private ProbeDatagrams() {
    }

    /** npm onvif's Probe: default-namespace SOAP 1.2 envelope, 2004/08 addressing, dn:NetworkVideoTransmitter. */
    static byte[] npm(String messageId, String types) {
        return ("<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:dn=\"http://www.onvif.org/ver10/"
                + "network/wsdl\"><Header><wsa:MessageID xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing"
                + "\">" + messageId + "</wsa:MessageID><wsa:To xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/"
                + "addressing\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To><wsa:Action xmlns:wsa=\"http://"
                + "schemas.xmlsoap.org/ws/2004/08/addressing\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe"
                + "</wsa:Action></Header><Body><Probe xmlns=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-"
                + "instance\"><Types>" + types + "</Types><Scopes /></Probe></Body></Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** ONVIF Device Manager style: prefixed, asking for tds:Device. */
    static byte[] tdsDevice(String messageId) {
        return ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org"
                + "/ws/2004/08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/"
                + "2005/04/discovery/Probe</a:Action><a:MessageID>" + messageId + "</a:MessageID><a:To "
                + "s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header><s:Body>"
                + "<d:Probe xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><d:Types xmlns:tds=\"http://"
                + "www.onvif.org/ver10/device/wsdl\">tds:Device</d:Types></d:Probe></s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
