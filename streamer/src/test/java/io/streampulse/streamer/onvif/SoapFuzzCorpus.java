package io.streampulse.streamer.onvif;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Bodies no ONVIF request should look like: every prefix cut of a real request, DTDs (XXE, billion laughs),
 * bodies past the size limit, deep nesting, wrong envelope and operation namespaces, and seeded random bytes.
 * Each must get a SOAP fault, and the server must keep serving.
 */
final class SoapFuzzCorpus {

    private SoapFuzzCorpus() {
    }

    static Map<String, byte[]> cases() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        byte[] real = SoapBodies.withToken("nvr", "AAAA", "AAAA", "2026-01-01T00:00:00Z",
                SoapBodies.media("<GetStreamUri><ProfileToken>main</ProfileToken></GetStreamUri>"));
        for (int cut = 1; cut < real.length; cut += 37) {
            cases.put("truncated at " + cut, java.util.Arrays.copyOf(real, cut));
        }
        cases.put("empty", new byte[0]);
        cases.put("xxe file", utf8("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&x;</s:Body></s:Envelope>"));
        cases.put("xxe http", utf8("<!DOCTYPE e SYSTEM \"http://127.0.0.1:1/evil.dtd\"><e/>"));
        cases.put("billion laughs", utf8("<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;"
                + "&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]><l>&d;</l>"));
        cases.put("huge body", utf8("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "<GetScopes xmlns=\"http://www.onvif.org/ver10/device/wsdl\">" + "A".repeat(2_000_000)
                + "</GetScopes></s:Body></s:Envelope>"));
        cases.put("deep nesting", utf8("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "<a>".repeat(5_000) + "</a>".repeat(5_000) + "</s:Body></s:Envelope>"));
        cases.put("soap 1.1", utf8("<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body>"
                + "<GetProfiles xmlns=\"http://www.onvif.org/ver10/media/wsdl\"/></e:Body></e:Envelope>"));
        cases.put("no namespace", utf8("<Envelope><Body><GetProfiles/></Body></Envelope>"));
        cases.put("unknown operation namespace", SoapBodies.plain("<GetProfiles xmlns=\"urn:nobody\"/>"));
        cases.put("no body", utf8("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>"));
        cases.put("json", utf8("{\"GetProfiles\":{}}"));
        cases.put("latin1 garbage", "<s:Envelope>\u00e9\u00ff".getBytes(StandardCharsets.ISO_8859_1));
        Random random = new Random(6);
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4_096)];
            random.nextBytes(garbage);
            cases.put("random " + i, garbage);
        }
        return cases;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
