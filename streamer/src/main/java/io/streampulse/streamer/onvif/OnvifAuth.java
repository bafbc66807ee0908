package io.streampulse.streamer.onvif;

import io.streampulse.streamer.onvif.soap.SoapFault;
import io.streampulse.streamer.onvif.soap.SoapRequest;
import io.streampulse.streamer.onvif.soap.UsernameTokenCheck;
import io.streampulse.streamer.rtsp.RtspAuth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what: with a user configured (the same one RTSP asks for), every operation but the pre-auth ones
 * needs a valid WS-UsernameToken or HTTP Digest; without one, everything is open. A request without credentials, or
 * with HTTP credentials that fail (wrong, or a nonce from before a restart), is answered 401 with a fresh Digest
 * challenge (HTTP-Digest clients retry once); a UsernameToken that fails is a 400 ter:NotAuthorized fault, as
 * ONVIF Core asks.
 */
public final class OnvifAuth {

    /** ONVIF Core's PRE_AUTH class that clients call before they know our clock. */
    static final Set<String> PRE_AUTH = Set.of("GetSystemDateAndTime");

    private final boolean required;
    private final UsernameTokenCheck tokens;
    private final RtspAuth http;

    public OnvifAuth(String username, String password) {
        this.required = username != null && !username.isEmpty();
        this.tokens = new UsernameTokenCheck(required ? username : "", password == null ? "" : password);
        this.http = new RtspAuth(username, password);
    }

    /**
     * @return empty when allowed, else why to answer 401 with {@link #challenges()}
     * @throws SoapFault ter:NotAuthorized for a UsernameToken that does not check out
     */
    public Optional<String> check(SoapRequest request, RequestContext context) throws SoapFault {
        if (!required || PRE_AUTH.contains(request.operation())) {
            return Optional.empty();
        }
        if (request.token().isPresent()) {
            tokens.verify(request.token().get(), context.now());
            return Optional.empty();
        }
        if (context.authorization().isEmpty()) {
            return Optional.of("credentials needed (WS-UsernameToken or HTTP Digest)");
        }
        return http.allows("POST", context.authorization()) ? Optional.empty()
                : Optional.of("the HTTP credentials are wrong or the nonce is not ours");
    }

    public List<String> challenges() {
        return http.challenges();
    }
}
