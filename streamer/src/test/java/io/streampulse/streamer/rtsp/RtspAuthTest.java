package io.streampulse.streamer.rtsp;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtspAuthTest {

    private final RtspAuth auth = new RtspAuth("admin", "s3cret");

    @Test
    void basic() {
        assertTrue(auth.allows("DESCRIBE", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes())));
        assertFalse(auth.allows("DESCRIBE", "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes())));
        assertFalse(auth.allows("DESCRIBE", null));
        assertTrue(new RtspAuth("", "").allows("DESCRIBE", null));
    }

    @Test
    void digest_withAndWithoutQop_onlyWithAnIssuedNonce() {
        String nonce = RtspAuth.parameters(auth.challenges().get(0).substring(7)).get("nonce");
        String ha1 = RtspAuth.md5("admin:StreamPulse:s3cret");
        String ha2 = RtspAuth.md5("DESCRIBE:rtsp://cam/yolink-dashboard");
        String plain = RtspAuth.md5(ha1 + ":" + nonce + ":" + ha2);
        assertTrue(auth.allows("DESCRIBE", "Digest username=\"admin\", realm=\"StreamPulse\", nonce=\"" + nonce
                + "\", uri=\"rtsp://cam/yolink-dashboard\", response=\"" + plain + "\""));
        String qop = RtspAuth.md5(ha1 + ":" + nonce + ":00000001:abc:auth:" + ha2);
        assertTrue(auth.allows("DESCRIBE", "Digest username=\"admin\", realm=\"StreamPulse\", nonce=\"" + nonce
                + "\", uri=\"rtsp://cam/yolink-dashboard\", qop=auth, nc=00000001, cnonce=\"abc\", response=\""
                + qop + "\""));
        assertFalse(auth.allows("PLAY", "Digest username=\"admin\", realm=\"StreamPulse\", nonce=\"" + nonce
                + "\", uri=\"rtsp://cam/yolink-dashboard\", response=\"" + plain + "\""), "other method");
        String forged = RtspAuth.md5(ha1 + ":0000:" + ha2);
        assertFalse(auth.allows("DESCRIBE", "Digest username=\"admin\", realm=\"StreamPulse\", nonce=\"0000\", "
                + "uri=\"rtsp://cam/yolink-dashboard\", response=\"" + forged + "\""), "nonce never issued");
    }

    /** RFC 2617 §3.5's example, through the same parameter parser and hash. */
    @Test
    void md5_rfc2617Example() {
        Map<String, String> p = RtspAuth.parameters("username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, "
                + "cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\"");
        String ha1 = RtspAuth.md5(p.get("username") + ":" + p.get("realm") + ":Circle Of Life");
        String ha2 = RtspAuth.md5("GET:" + p.get("uri"));
        assertEquals(p.get("response"), RtspAuth.md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":"
                + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2));
    }
}
