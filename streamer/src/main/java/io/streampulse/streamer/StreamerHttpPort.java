package io.streampulse.streamer;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.streampulse.shared.config.ConfigWatcher;
import jakarta.inject.Singleton;

/**
 * The streamer's HTTP API (status, snapshot, ONVIF) listens on {@code streamer.api_port} from config.yaml, which
 * the seed's RTSP_API_PORT overrides, rather than on a Micronaut property. An explicit
 * {@code micronaut.server.port} (tests use a random one) still wins. A port change needs a restart.
 */
@Singleton
public class StreamerHttpPort implements BeanCreatedEventListener<HttpServerConfiguration> {

    private final ConfigWatcher watcher;
    private final boolean portSetExplicitly;

    public StreamerHttpPort(ConfigWatcher watcher, @Value("${micronaut.server.port:}") String explicitPort) {
        this.watcher = watcher;
        this.portSetExplicitly = !explicitPort.isBlank();
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration configuration = event.getBean();
        if (!portSetExplicitly) {
            configuration.setPort(watcher.current().config().streamer().apiPort());
        }
        return configuration;
    }
}
