package io.streampulse.streamer.onvif.discovery;

import java.util.List;

/**
 * A WS-Discovery Probe as received.
 *
 * @param messageId the wsa:MessageID to put in RelatesTo
 * @param types     the requested types as {namespace}local names; empty matches any device
 * @param scopes    the requested scopes; empty matches any
 */
public record Probe(String messageId, List<String> types, List<String> scopes) {

    /** The types this device is: an ONVIF NetworkVideoTransmitter and a tds:Device. */
    static final List<String> OUR_TYPES = List.of(
            "{http://www.onvif.org/ver10/network/wsdl}NetworkVideoTransmitter",
            "{http://www.onvif.org/ver10/device/wsdl}Device");

    /** A type with an undeclared prefix ({}Local, sloppy clients) matches by its local name. */
    private static boolean isOurs(String type) {
        return OUR_TYPES.contains(type)
                || type.startsWith("{}") && OUR_TYPES.stream().anyMatch(ours -> ours.endsWith("}" + type.substring(2)));
    }

    /** Every requested type must be one of ours and every requested scope a prefix of one of ours (RFC 3986). */
    public boolean matches(List<String> ourScopes) {
        boolean typesMatch = types.stream().allMatch(Probe::isOurs);
        boolean scopesMatch = scopes.stream().allMatch(wanted -> ourScopes.stream().anyMatch(scope ->
                scope.equals(wanted) || scope.startsWith(wanted.endsWith("/") ? wanted : wanted + "/")));
        return typesMatch && scopesMatch;
    }
}
