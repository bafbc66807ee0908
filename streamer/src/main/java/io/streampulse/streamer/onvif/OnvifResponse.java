package io.streampulse.streamer.onvif;

import java.util.List;

/**
 * What the HTTP adapter sends back: a status, a SOAP envelope and, for a 401, WWW-Authenticate values.
 */
public record OnvifResponse(int status, String body, List<String> challenges) {
}
