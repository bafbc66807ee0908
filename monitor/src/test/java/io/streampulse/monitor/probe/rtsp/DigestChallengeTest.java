package io.streampulse.monitor.probe.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** WWW-Authenticate parsing and Authorization answers, checked against the RFCs' own examples. */
class DigestChallengeTest {

    private static final String RFC_7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC_7616_OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String RFC_7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void authorization_rfc2617Example_givesTheRfcResponse() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of("Digest realm=\"testrealm@host.com\", "
                + "qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));

        String header = challenge.authorization("GET", "/dir/index.html", "Mufasa", "Circle Of Life", "0a4f113b", 1)
                .orElseThrow();

        // RFC 2617 §3.5, verbatim apart from the order of the fields
        assertEquals("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", "
                + "qop=auth, nc=00000001, cnonce=\"0a4f113b\"", header);
    }

    @Test
    void authorization_rfc7616ExampleWithShaAndMd5Offered_answersTheFirstOfferedSha256() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of(
                rfc7616Challenge("SHA-256"), rfc7616Challenge("MD5")));

        String header = challenge.authorization("GET", "/dir/index.html", "Mufasa", "Circle of Life",
                RFC_7616_CNONCE, 1).orElseThrow();

        assertTrue(header.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""),
                header);
        assertTrue(header.contains("algorithm=SHA-256"), header);
    }

    @Test
    void response_rfc7616Md5Example_givesTheRfcResponse() {
        DigestChallenge md5 = WwwAuthenticate.parse(List.of(rfc7616Challenge("MD5"))).digest().orElseThrow();

        assertEquals("8ca523f5e9506fed4657c9700eebdbec", md5.response("GET", "/dir/index.html", "Mufasa",
                "Circle of Life", "auth", RFC_7616_CNONCE, "00000001"));
    }

    @Test
    void authorization_gstreamerChallengeWithoutQop_usesRfc2069Response() {
        // captured from gst-rtsp-server 1.22; response computed independently with python3 hashlib
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of(
                "Digest realm=\"GStreamer RTSP Server\", nonce=\"e7ece5c75b9997ea\""));

        String header = challenge.authorization("DESCRIBE", "rtsp://127.0.0.1:8554/cam", "admin", "s3cret", "ignored", 1)
                .orElseThrow();

        assertEquals("Digest username=\"admin\", realm=\"GStreamer RTSP Server\", nonce=\"e7ece5c75b9997ea\", "
                + "uri=\"rtsp://127.0.0.1:8554/cam\", response=\"0955ef53fd7c06ec5e2fb12b36441f2e\"", header);
    }

    @Test
    void authorization_qopAuthForDescribe_matchesIndependentlyComputedVector() {
        // md5(md5("admin:IP Camera(C8357):s3cret"):nonce:00000001:0a4f113b:auth:md5("DESCRIBE:" + uri)), python3
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of("Digest realm=\"IP Camera(C8357)\", "
                + "nonce=\"4e5449784e7a4d324d7a4d364f5459334d546c6b59544d3d\", qop=auth, stale=\"FALSE\""));

        String header = challenge.authorization("DESCRIBE", "rtsp://192.168.1.64:554/Streaming/Channels/101",
                "admin", "s3cret", "0a4f113b", 1).orElseThrow();

        assertTrue(header.contains("response=\"f01a27314423f739dc9e3b13864fbf32\""), header);
        assertTrue(header.endsWith("qop=auth, nc=00000001, cnonce=\"0a4f113b\""), header);
        assertFalse(header.contains("s3cret"), header);
    }

    @Test
    void authorization_md5Sess_hashesNonceAndCnonceIntoHa1() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of(
                "Digest realm=\"cam\", nonce=\"abc123\", algorithm=MD5-sess, qop=\"auth\""));

        String header = challenge.authorization("DESCRIBE", "rtsp://10.0.0.2/live", "admin", "s3cret", "0a4f113b", 1)
                .orElseThrow();

        assertTrue(header.contains("response=\"aa5c6d5e7b794761d7b0906bf3c2033c\""), header);
    }

    @Test
    void authorization_basicOnly_isRfc7617Base64() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of("Basic realm=\"WallyWorld\""));

        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                challenge.authorization("DESCRIBE", "rtsp://h/", "Aladdin", "open sesame", "x", 1).orElseThrow());
    }

    @Test
    void parse_basicAndDigestInOneHeader_prefersDigest() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of(
                "Basic realm=\"cam\", Digest realm=\"cam\", nonce=\"n1\", qop=\"auth\""));

        assertEquals(List.of("Basic", "Digest"), challenge.schemes());
        assertTrue(challenge.basic());
        assertTrue(challenge.authorization("DESCRIBE", "rtsp://h/", "u", "p", "c", 1).orElseThrow().startsWith("Digest "));
    }

    @Test
    void parse_bareBase64NonceAndStale_keepsSlashesAndEquals() {
        DigestChallenge digest = WwwAuthenticate.parse(List.of("Digest realm=cam, nonce=YWJj/+==, stale=TRUE"))
                .digest().orElseThrow();

        assertEquals("YWJj/+==", digest.nonce());
        assertTrue(digest.stale());
    }

    @Test
    void parse_escapedQuoteInRealm_isUnescapedAndQuotedBackInTheAnswer() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of("Digest realm=\"my \\\"cam\\\"\", nonce=\"n\""));

        assertEquals("my \"cam\"", challenge.digest().orElseThrow().realm());
        assertTrue(challenge.authorization("DESCRIBE", "rtsp://h/", "u", "p", "c", 1).orElseThrow()
                .contains("realm=\"my \\\"cam\\\"\""));
    }

    @Test
    void parse_onlyUnsupportedSchemes_cannotAnswer() {
        WwwAuthenticate challenge = WwwAuthenticate.parse(List.of("Negotiate YWJj", "Digest realm=\"r\", nonce=\"n\", "
                + "algorithm=SHA-512-256"));

        assertFalse(challenge.canAnswer());
        assertEquals(List.of("Negotiate", "Digest"), challenge.schemes());
    }

    @Test
    void parse_noHeaderOrGarbage_offersNothing() {
        assertFalse(WwwAuthenticate.parse(List.of()).canAnswer());
        assertFalse(WwwAuthenticate.parse(List.of("\u0000\u0001 ===")).canAnswer());
    }

    private static String rfc7616Challenge(String algorithm) {
        return "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm
                + ", nonce=\"" + RFC_7616_NONCE + "\", opaque=\"" + RFC_7616_OPAQUE + "\"";
    }
}
