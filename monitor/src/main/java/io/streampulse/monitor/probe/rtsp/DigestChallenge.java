package io.streampulse.monitor.probe.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Digest challenge from a {@code WWW-Authenticate} header and the {@code Authorization} answer to it (pure;
 * RFC 2617 §3.2, RFC 7616 §3.4). MD5 (what cameras use), MD5-sess, SHA-256 and SHA-256-sess; qop "auth",
 * "auth-int" (DESCRIBE has no body) or none (RFC 2069 style, e.g. GStreamer and many cameras).
 *
 * @param algorithm as the server wrote it ("MD5", "SHA-256"), or null when it left it out (then MD5)
 * @param qop       the qop options offered, lower case; empty when the server offered none
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, List<String> qop,
                              boolean stale) {

    public DigestChallenge {
        qop = List.copyOf(qop);
    }

    /** The challenge in these auth-params (keys lower case), if it has a realm and nonce and a known algorithm. */
    static Optional<DigestChallenge> from(Map<String, String> params) {
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String algorithm = params.get("algorithm");
        if (realm == null || nonce == null || (algorithm != null && hashName(algorithm) == null)) {
            return Optional.empty();
        }
        List<String> qop = new ArrayList<>();
        for (String option : params.getOrDefault("qop", "").split(",")) {
            if (!option.isBlank()) {
                qop.add(option.trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.of(new DigestChallenge(realm, nonce, params.get("opaque"), algorithm, qop,
                "true".equalsIgnoreCase(params.get("stale"))));
    }

    /**
     * The {@code Authorization} header value for one request.
     *
     * @param uri    the Request-URI exactly as in the request line (no userinfo)
     * @param cnonce client nonce, used only when qop is offered (random in production, fixed in tests)
     * @param nc     how many requests this nonce has signed so far, counting this one (1 for the first)
     */
    public String authorization(String method, String uri, String username, String password, String cnonce, int nc) {
        String chosenQop = qop.contains("auth") ? "auth" : qop.contains("auth-int") ? "auth-int" : null;
        String ncHex = String.format("%08x", nc);
        StringBuilder h = new StringBuilder("Digest ");
        h.append("username=").append(quoted(username));
        h.append(", realm=").append(quoted(realm));
        h.append(", nonce=").append(quoted(nonce));
        h.append(", uri=").append(quoted(uri));
        h.append(", response=").append(quoted(response(method, uri, username, password, chosenQop, cnonce, ncHex)));
        if (algorithm != null) {
            h.append(", algorithm=").append(algorithm);
        }
        if (opaque != null) {
            h.append(", opaque=").append(quoted(opaque));
        }
        if (chosenQop != null) {
            h.append(", qop=").append(chosenQop).append(", nc=").append(ncHex).append(", cnonce=").append(quoted(cnonce));
        }
        return h.toString();
    }

    /** The request-digest of RFC 2617 §3.2.2.1 / RFC 7616 §3.4.1, lower-case hex. */
    String response(String method, String uri, String username, String password, String chosenQop, String cnonce,
                    String ncHex) {
        String hash = hashName(algorithm == null ? "MD5" : algorithm);
        String ha1 = hex(hash, username + ":" + realm + ":" + password);
        if (algorithm != null && algorithm.toLowerCase(Locale.ROOT).endsWith("-sess")) {
            ha1 = hex(hash, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = "auth-int".equals(chosenQop)
                ? hex(hash, method + ":" + uri + ":" + hex(hash, ""))
                : hex(hash, method + ":" + uri);
        return chosenQop == null
                ? hex(hash, ha1 + ":" + nonce + ":" + ha2)
                : hex(hash, ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":" + chosenQop + ":" + ha2);
    }

    private static String hashName(String algorithm) {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5", "MD5-SESS" -> "MD5";
            case "SHA-256", "SHA-256-SESS" -> "SHA-256";
            default -> null;
        };
    }

    private static String hex(String hash, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(hash).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash + " is part of every Java runtime", e);
        }
    }

    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
