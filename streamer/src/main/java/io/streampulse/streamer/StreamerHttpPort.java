package io.streampulse.streamer;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamerSection;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The streamer's HTTP API (status, snapshot, ONVIF) listens on {@code streamer.api_port} from config.yaml, which
 * the seed's RTSP_API_PORT overrides, rather than on a Micronaut property. An explicit
 * {@code micronaut.server.port} (tests use a random one) still wins. A port change needs a restart. An
 * {@code onvif_port} (ONVIF_PORT) other than the API port adds a second listener.
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
            StreamerSection section = watcher.current().config().streamer();
            configuration.setPort(section.apiPort());
            if (section.onvifPort() != section.apiPort()
                    && configuration instanceof NettyHttpServerConfiguration netty) {
                // ONVIF_PORT set apart: one server, two listeners, both serving every route
                netty.setListeners(List.of(
                        NettyHttpServerConfiguration.NettyListenerConfiguration.createTcp(null, section.apiPort(),
                                false, null, null),
                        NettyHttpServerConfiguration.NettyListenerConfiguration.createTcp(null, section.onvifPort(),
                                false, null, null)));
            }
        }
        return configuration;
    }
}
