package io.streampulse.streamer.onvif;

import java.time.Instant;

/**
 * What the HTTP adapter knows about one request that the answers depend on.
 *
 * @param host          the host name or address the client reached us by (Host header, else the local address of
 *                      the connection; never 0.0.0.0), IPv6 in brackets; it goes into every URI we hand out
 * @param httpPort      the port the client reached us on (for XAddrs and snapshot URIs)
 * @param authorization the HTTP Authorization header, empty when absent
 * @param now           the time of the request (UsernameToken freshness, GetSystemDateAndTime)
 */
public record RequestContext(String host, int httpPort, String authorization, Instant now) {

    public String httpBase() {
        return "http://" + host + ":" + httpPort;
    }
}
