package io.streampulse.monitor.probe.rtsp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The probe's conversation with a camera, without any I/O (pure; RFC 2326 §10.1/§10.2, RFC 7826 §13.1/§13.2):
 * OPTIONS, then DESCRIBE, then DESCRIBE again with an Authorization header if the camera asked for one and we
 * have credentials. Each reply yields either the next request or the verdict. One dialog per check.
 */
public final class RtspDialog {

    static final String USER_AGENT = "StreamPulse";
    private static final int MAX_AUTHORIZED_ATTEMPTS = 2; // the second only for a stale nonce (RFC 7616 §3.3)

    /** What to do after a reply: send another request or stop with a verdict. */
    public sealed interface Step permits Send, Decide {
    }

    public record Send(RtspRequest request) implements Step {
    }

    public record Decide(RtspVerdict verdict) implements Step {
    }

    private final String uri;
    private final String username;
    private final String password;
    private final String cnonce;
    private int cseq;
    private String lastMethod;
    private int authorizedAttempts;
    private int nonceCount;
    private String lastNonce;
    private String server = "";

    /**
     * @param requestUri the URL without userinfo ({@link RtspUrls#requestUri})
     * @param username   null or empty: no credentials, a 401 is reported as is
     * @param cnonce     client nonce for Digest with qop (random per check in production)
     */
    public RtspDialog(String requestUri, String username, String password, String cnonce) {
        this.uri = requestUri;
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        this.cnonce = cnonce;
    }

    public RtspRequest start() {
        return request("OPTIONS", Optional.empty());
    }

    public Step onReply(RtspReply reply) {
        if (!reply.header("Server").isEmpty()) {
            server = ServerText.clip(reply.header("Server"));
        }
        WwwAuthenticate challenge = WwwAuthenticate.parse(reply.headers("WWW-Authenticate"));
        if (lastMethod.equals("OPTIONS")) {
            // any answer to OPTIONS will do (some cameras even want auth for it); DESCRIBE decides
            boolean authorize = reply.status() == 401 && canAuthorize(challenge);
            return new Send(describe(authorize ? Optional.of(challenge) : Optional.empty()));
        }
        if (reply.status() == 401 && canAuthorize(challenge) && mayRetry(challenge)) {
            return new Send(describe(Optional.of(challenge)));
        }
        return new Decide(RtspReplyClassifier.classify(reply, challenge, hasCredentials(), details()));
    }

    private boolean canAuthorize(WwwAuthenticate challenge) {
        return hasCredentials() && challenge.canAnswer() && authorizedAttempts < MAX_AUTHORIZED_ATTEMPTS;
    }

    /** First 401 to an unauthorized DESCRIBE, or a stale nonce: try (again); a plain 401 to our answer: stop. */
    private boolean mayRetry(WwwAuthenticate challenge) {
        return authorizedAttempts == 0 || challenge.digest().map(DigestChallenge::stale).orElse(false);
    }

    private boolean hasCredentials() {
        return !username.isEmpty();
    }

    private RtspRequest describe(Optional<WwwAuthenticate> challenge) {
        return request("DESCRIBE", challenge);
    }

    private RtspRequest request(String method, Optional<WwwAuthenticate> challenge) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("CSeq", Integer.toString(++cseq));
        headers.put("User-Agent", USER_AGENT);
        if (method.equals("DESCRIBE")) {
            headers.put("Accept", "application/sdp");
        }
        challenge.flatMap(c -> authorization(method, c)).ifPresent(value -> headers.put("Authorization", value));
        lastMethod = method;
        return new RtspRequest(method, uri, headers);
    }

    private Optional<String> authorization(String method, WwwAuthenticate challenge) {
        authorizedAttempts++;
        String nonce = challenge.digest().map(DigestChallenge::nonce).orElse(null);
        nonceCount = nonce != null && nonce.equals(lastNonce) ? nonceCount + 1 : 1;
        lastNonce = nonce;
        return challenge.authorization(method, uri, username, password, cnonce, nonceCount);
    }

    private Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        if (!server.isEmpty()) {
            details.put("server", server);
        }
        details.put("auth", authorizedAttempts == 0 ? "none" : lastNonce != null ? "digest" : "basic");
        return details;
    }
}
