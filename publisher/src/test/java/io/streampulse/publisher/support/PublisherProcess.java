package io.streampulse.publisher.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.TempSuite;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The publisher in this JVM on a free port, its suite's config, the given monitor and a short broker backoff. */
public final class PublisherProcess {

    private PublisherProcess() {
    }

    public static EmbeddedServer start(TempSuite suite, URI monitor, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("streampulse.monitor.url", monitor.toString());
        properties.put("streampulse.publisher.reconnect-max", "500ms");
        properties.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
