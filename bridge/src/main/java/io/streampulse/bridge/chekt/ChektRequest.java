package io.streampulse.bridge.chekt;

import java.util.Map;

/** One POST to a CHEKT bridge, as data: where, which headers, which JSON body. */
public record ChektRequest(String url, Map<String, String> headers, String body) {

    public ChektRequest {
        headers = Map.copyOf(headers);
    }
}
