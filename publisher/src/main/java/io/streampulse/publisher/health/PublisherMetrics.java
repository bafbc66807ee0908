package io.streampulse.publisher.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streampulse.publisher.PublisherRuntime;
import io.streampulse.publisher.connection.BrokerConnection;
import jakarta.inject.Singleton;

/** The publisher's figures on /metrics: connected, last publish, publish errors, queue depth. */
@Singleton
public class PublisherMetrics implements MeterBinder {

    private final PublisherRuntime runtime;

    public PublisherMetrics(PublisherRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        BrokerConnection connection = runtime.connection();
        Gauge.builder("streampulse.publisher.connected", connection, c -> c.connected() ? 1 : 0)
                .description("1 while connected to the MQTT broker")
                .register(registry);
        Gauge.builder("streampulse.publisher.last.publish.timestamp", connection,
                        c -> c.stats().lastPublishMillis() == 0 ? Double.NaN : c.stats().lastPublishMillis() / 1000.0)
                .baseUnit("seconds")
                .description("When the broker last accepted a publish (Unix time; NaN before the first)")
                .register(registry);
        FunctionCounter.builder("streampulse.publisher.published", connection, c -> c.stats().published())
                .description("Messages the broker accepted since start")
                .register(registry);
        FunctionCounter.builder("streampulse.publisher.publish.errors", connection, c -> c.stats().errors())
                .description("Publishes that failed (queued again for the next connect)")
                .register(registry);
        Gauge.builder("streampulse.publisher.queue.depth", connection, BrokerConnection::queueDepth)
                .description("Messages waiting for the broker (latest per topic)")
                .register(registry);
        FunctionCounter.builder("streampulse.publisher.queue.dropped", connection, BrokerConnection::queueDropped)
                .description("Messages dropped because the queue was full")
                .register(registry);
        Gauge.builder("streampulse.publisher.monitor.connected", runtime.monitorEvents(), m -> m.connected() ? 1 : 0)
                .description("1 while following the monitor's event stream")
                .register(registry);
    }
}
