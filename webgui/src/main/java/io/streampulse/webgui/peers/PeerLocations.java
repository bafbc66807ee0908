package io.streampulse.webgui.peers;

import io.micronaut.context.annotation.Value;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.feed.PeerUrl;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Where the webgui finds the other processes ({@link PeerUrl}). The streamer's HTTP port is in the config
 * ({@code streamer.api_port}), so it follows config changes.
 */
@Singleton
public class PeerLocations {

    private final URI monitor;
    private final URI bridge;
    private final URI publisher;
    private final String streamerUrl;
    private final ConfigWatcher config;

    public PeerLocations(@Value("${streampulse.monitor.url:}") String monitorUrl,
                         @Value("${streampulse.monitor.port:7000}") int monitorPort,
                         @Value("${streampulse.bridge.url:}") String bridgeUrl,
                         @Value("${streampulse.bridge.port:7200}") int bridgePort,
                         @Value("${streampulse.publisher.url:}") String publisherUrl,
                         @Value("${streampulse.publisher.port:7100}") int publisherPort,
                         @Value("${streampulse.streamer.url:}") String streamerUrl,
                         ConfigWatcher config) {
        this.monitor = PeerUrl.of(monitorUrl, monitorPort);
        this.bridge = PeerUrl.of(bridgeUrl, bridgePort);
        this.publisher = PeerUrl.of(publisherUrl, publisherPort);
        this.streamerUrl = streamerUrl;
        this.config = config;
    }

    public URI monitor() {
        return monitor;
    }

    public URI bridge() {
        return bridge;
    }

    public URI publisher() {
        return publisher;
    }

    public URI streamer() {
        return PeerUrl.of(streamerUrl, config.current().config().streamer().apiPort());
    }
}
