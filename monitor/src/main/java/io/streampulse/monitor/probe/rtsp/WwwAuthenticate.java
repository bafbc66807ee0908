package io.streampulse.monitor.probe.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The challenges of a 401 answer (pure; RFC 7235 §4.1): every {@code WWW-Authenticate} header, each of which
 * may hold several comma-separated challenges. Digest is preferred over Basic, since Basic sends the password.
 *
 * @param digest  the first Digest challenge we can answer
 * @param basic   whether Basic was offered
 * @param schemes every scheme offered, as written ("Digest", "Basic", "Negotiate"), for messages
 */
public record WwwAuthenticate(Optional<DigestChallenge> digest, boolean basic, List<String> schemes) {

    public WwwAuthenticate {
        schemes = List.copyOf(schemes);
    }

    public static WwwAuthenticate parse(List<String> headerValues) {
        Optional<DigestChallenge> digest = Optional.empty();
        boolean basic = false;
        List<String> schemes = new ArrayList<>();
        for (String header : headerValues) {
            AuthParamCursor cursor = new AuthParamCursor(header);
            while (cursor.skipSeparators()) {
                String scheme = cursor.token();
                if (scheme.isEmpty()) {
                    break; // not a token where a scheme belongs: give up on this header
                }
                cursor.skipToken68();
                Map<String, String> params = cursor.params();
                schemes.add(scheme);
                if (scheme.equalsIgnoreCase("Digest") && digest.isEmpty()) {
                    digest = DigestChallenge.from(params);
                } else if (scheme.equalsIgnoreCase("Basic")) {
                    basic = true;
                }
            }
        }
        return new WwwAuthenticate(digest, basic, schemes);
    }

    public boolean canAnswer() {
        return digest.isPresent() || basic;
    }

    /** The Authorization header value: Digest if offered and answerable, else Basic; empty if neither. */
    public Optional<String> authorization(String method, String uri, String username, String password,
                                          String cnonce, int nc) {
        if (digest.isPresent()) {
            return Optional.of(digest.get().authorization(method, uri, username, password, cnonce, nc));
        }
        return basic ? Optional.of(basicAuthorization(username, password)) : Optional.empty();
    }

    /** RFC 7617: "Basic " + base64(user ":" password), UTF-8. */
    public static String basicAuthorization(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Walks "Digest realm="x", nonce=abc, Basic realm="y"": tokens, '=' and quoted strings. */
    private static final class AuthParamCursor {
        private final String s;
        private int pos;

        AuthParamCursor(String s) {
            this.s = s == null ? "" : s;
        }

        /** Skips spaces and commas; false at the end. */
        boolean skipSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ',' || Character.isWhitespace(s.charAt(pos)))) {
                pos++;
            }
            return pos < s.length();
        }

        String token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** A token68 credential right after the scheme ("Negotiate YWJj=="), which is not an auth-param. */
        void skipToken68() {
            int mark = pos;
            skipSpaces();
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "-._~+/".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            while (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
            }
            skipSpaces();
            if (pos == mark || (pos < s.length() && s.charAt(pos) != ',')) {
                pos = mark;
            }
        }

        /** auth-params up to the next scheme: a token not followed by '=' starts the next challenge. */
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            while (skipSeparators()) {
                int mark = pos;
                String name = token();
                skipSpaces();
                if (name.isEmpty() || pos >= s.length() || s.charAt(pos) != '=') {
                    pos = mark;
                    break;
                }
                pos++;
                skipSpaces();
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), pos < s.length() && s.charAt(pos) == '"' ? quoted() : bareValue());
            }
            return params;
        }

        /** An unquoted value; wider than a token because cameras send base64 nonces (with '/', '+', '=') bare. */
        private String bareValue() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ',' && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                value.append(c);
            }
            pos++; // closing quote (or past the end of a broken header)
            return value.toString();
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} ".indexOf(c) < 0;
        }
    }
}
