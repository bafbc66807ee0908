package io.streampulse.streamer.onvif;

import io.streampulse.streamer.onvif.soap.SoapFault;
import io.streampulse.streamer.onvif.soap.SoapRequest;
import io.streampulse.streamer.onvif.soap.UsernameTokenCheck;
import io.streampulse.streamer.rtsp.RtspAuth;

import java.util.List;
import java.util.Set;

/**
 * Who may call what: with a user configured (the same one RTSP asks for), every operation but the pre-auth ones
 * needs a valid WS-UsernameToken or HTTP Digest; without one, everything is open. A request without credentials is
 * answered 401 with a Digest challenge (HTTP-Digest clients retry; UsernameToken clients read the NotAuthorized
 * fault); wrong credentials of either kind are a NotAuthorized fault.
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

    public enum Outcome { ALLOWED, CHALLENGE }

    /**
     * @return ALLOWED, or CHALLENGE when no credentials came at all (answer 401 with {@link #challenges()})
     * @throws SoapFault ter:NotAuthorized for credentials that do not check out
     */
    public Outcome check(SoapRequest request, RequestContext context) throws SoapFault {
        if (!required || PRE_AUTH.contains(request.operation())) {
            return Outcome.ALLOWED;
        }
        if (request.token().isPresent()) {
            tokens.verify(request.token().get(), context.now());
            return Outcome.ALLOWED;
        }
        if (!context.authorization().isEmpty()) {
            if (http.allows("POST", context.authorization())) {
                return Outcome.ALLOWED;
            }
            throw SoapFault.notAuthorized("the HTTP credentials are wrong or the nonce is not ours");
        }
        return Outcome.CHALLENGE;
    }

    public List<String> challenges() {
        return http.challenges();
    }
}
