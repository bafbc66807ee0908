package io.streampulse.bridge.sia;

import io.micronaut.context.annotation.Context;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.ConfigChange;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection.Sia;
import io.streampulse.shared.health.HealthContributor;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The SIA receiver as the bridge's bean: built from {@code receivers.sia} at start and rebuilt when that section
 * changes (the old link finishes or fails its queued deliveries, which the outbox then retries on the new one).
 */
@Context
public class SiaReceiverBean implements Receiver, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(SiaReceiverBean.class);
    private volatile SiaReceiver current;
    private volatile Sia config;

    public SiaReceiverBean(ConfigWatcher watcher) {
        this.config = watcher.current().config().receivers().sia();
        this.current = new SiaReceiver(config, Clock.systemUTC());
        watcher.subscribe(this::onChange);
    }

    private synchronized void onChange(ConfigChange change) {
        Sia next = change.current().config().receivers().sia();
        if (next.equals(config)) {
            return;
        }
        SiaReceiver old = current;
        config = next;
        current = new SiaReceiver(next, Clock.systemUTC());
        old.close();
        LOG.info("SIA receiver reconfigured: {}", current.settings().target());
    }

    @Override
    public String name() {
        return SiaReceiver.NAME;
    }

    @Override
    public boolean enabled() {
        return current.enabled();
    }

    @Override
    public CompletableFuture<Delivery> deliver(AlertEvent event, DeviceMapping mapping) {
        return current.deliver(event, mapping);
    }

    @Override
    public Delivery deliverOnCaller(AlertEvent event, DeviceMapping mapping, Duration timeout) {
        return current.deliverOnCaller(event, mapping, timeout);
    }

    @Override
    public boolean healthy() {
        return new SiaHealth(current).healthy();
    }

    @Override
    public Map<String, Object> details() {
        return new SiaHealth(current).details();
    }

    @PreDestroy
    void close() {
        current.close();
    }
}
