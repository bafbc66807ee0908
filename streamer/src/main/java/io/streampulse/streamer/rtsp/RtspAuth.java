package io.streampulse.streamer.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Basic and Digest-MD5 (RFC 2617/7616, with or without qop=auth) for RTSP. A digest must use a nonce this server
 * issued (the seed accepted any nonce, so replays passed). No user configured: everything is allowed.
 */
public final class RtspAuth {

    static final String REALM = "StreamPulse";
    private static final int REMEMBERED_NONCES = 1_024;

    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Boolean> nonces = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_NONCES;
        }
    };

    public RtspAuth(String username, String password) {
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
    }

    public boolean required() {
        return !username.isEmpty();
    }

    /** The WWW-Authenticate values to send with a 401, Digest first (FFmpeg and VLC pick the strongest). */
    public synchronized List<String> challenges() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        nonces.put(nonce, Boolean.TRUE);
        return List.of("Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", algorithm=MD5",
                "Basic realm=\"" + REALM + "\"");
    }

    public boolean allows(String method, String authorization) {
        if (!required()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String header = authorization.strip();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String expected = Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    header.substring(6).strip().getBytes(StandardCharsets.US_ASCII));
        }
        if (header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return digestAllows(method, parameters(header.substring(7)));
        }
        return false;
    }

    private boolean digestAllows(String method, Map<String, String> p) {
        String nonce = p.getOrDefault("nonce", "");
        synchronized (this) {
            if (!nonces.containsKey(nonce)) {
                return false;
            }
        }
        if (!username.equals(p.get("username")) || !REALM.equals(p.get("realm")) || p.get("uri") == null) {
            return false;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String qop = p.get("qop");
        String expected = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                p.getOrDefault("response", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code key="value", key=value, ...}; commas inside quotes are kept. */
    static Map<String, String> parameters(String text) {
        Map<String, String> result = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = text.substring(i, equals).strip().replaceFirst("^,\\s*", "").toLowerCase(Locale.ROOT);
            int end;
            String value;
            if (equals + 1 < text.length() && text.charAt(equals + 1) == '"') {
                end = text.indexOf('"', equals + 2);
                end = end < 0 ? text.length() : end;
                value = text.substring(equals + 2, end);
                end++;
            } else {
                end = text.indexOf(',', equals);
                end = end < 0 ? text.length() : end;
                value = text.substring(equals + 1, end).strip();
            }
            result.put(key, value);
            i = end + 1;
        }
        return result;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has MD5", e);
        }
    }
}
