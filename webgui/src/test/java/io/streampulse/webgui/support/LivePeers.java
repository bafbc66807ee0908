package io.streampulse.webgui.support;

import java.net.URI;
import java.util.Map;

/** Where a webgui under test finds its peers: the fakes (the bridge's /health also plays the publisher's and the streamer's). */
public final class LivePeers {

    private LivePeers() {
    }

    public static Map<String, Object> of(URI monitor, URI bridge) {
        return Map.of("streampulse.monitor.url", monitor.toString(),
                "streampulse.bridge.url", bridge.toString(),
                "streampulse.publisher.url", bridge.toString(),
                "streampulse.streamer.url", bridge.toString());
    }
}
