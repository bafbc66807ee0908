package io.streampulse.bridge;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.streampulse.bridge.alert.AlertDispatcher;
import io.streampulse.bridge.alert.AlertEngine;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.alert.DoorPropTimer;
import io.streampulse.bridge.alert.OfflineWatch;
import io.streampulse.bridge.alert.OutboxStore;
import io.streampulse.bridge.alert.RetryBackoff;
import io.streampulse.bridge.api.DeviceEvents;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.bridge.store.DeviceStore;
import io.streampulse.bridge.store.DoorPropDeadlines;
import io.streampulse.bridge.store.RedisLink;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.shared.config.SuitePaths;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Wires the bridge's core to the config: the Redis link and device store, the durable outbox and its
 * dispatcher, the alert engine with its door-prop timer and offline check. The YoLink client hands every
 * normalized report to {@link #accept}. {@code devices} and {@code receivers} changes in config.yaml apply
 * without a restart; a new {@code redis.url} needs one.
 */
@Context
public class BridgeRuntime implements Consumer<DeviceState>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeRuntime.class);
    static final String OUTBOX_FILE = "outbox.db";

    private final RedisLink redis;
    private final DeviceStore store;
    private final AlertDispatcher dispatcher;
    private final AlertEngine engine;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alert-engine-timers");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param receivers every Receiver bean; per name the first in bean order wins (an {@code Ordered} test
     *                  receiver can take a name's place)
     */
    public BridgeRuntime(ConfigWatcher watcher, SuitePaths paths, List<Receiver> receivers, DeviceEvents events,
                         @Value("${streampulse.bridge.events-max-length:10000}") long eventsMaxLength,
                         @Value("${streampulse.bridge.delivery-log-size:10000}") int deliveryLogSize,
                         @Value("${streampulse.bridge.retry-initial:1s}") Duration retryInitial,
                         @Value("${streampulse.bridge.retry-max:60s}") Duration retryMax,
                         @Value("${streampulse.bridge.answer-timeout:30s}") Duration answerTimeout,
                         @Value("${streampulse.bridge.delivery-expiry:24h}") Duration deliveryExpiry,
                         @Value("${streampulse.bridge.offline-check:60s}") Duration offlineCheck,
                         @Value("${streampulse.bridge.redis-load-wait:3s}") Duration redisLoadWait)
            throws SQLException {
        Clock clock = Clock.systemUTC();
        SuiteConfig config = watcher.current().config();
        Map<String, Receiver> byName = new LinkedHashMap<>();
        receivers.forEach(r -> byName.putIfAbsent(r.name(), r));
        this.redis = new RedisLink(config.redis().url());
        this.store = new DeviceStore(redis, eventsMaxLength);
        DoorPropDeadlines deadlines = new DoorPropDeadlines(redis);
        this.dispatcher = new AlertDispatcher(new OutboxStore(paths.dataDir().resolve(OUTBOX_FILE), deliveryLogSize),
                name -> Optional.ofNullable(byName.get(name)),
                new AlertDispatcher.Options(new RetryBackoff(retryInitial, retryMax), answerTimeout, deliveryExpiry),
                clock);
        this.engine = new AlertEngine(store, dispatcher, new OfflineWatch(clock), listener(events));
        engine.doorPropTimer(new DoorPropTimer(deadlines, scheduler, clock, engine::doorPropDue));
        apply(config);
        watcher.subscribe(change -> {
            Set<String> changed = change.changedSections();
            if (changed.contains("devices") || changed.contains("receivers")) {
                apply(change.current().config());
            }
            if (changed.contains("redis")) {
                LOG.warn("redis.url changed to {}: it takes effect at the next bridge restart",
                        change.current().config().redis().url());
            }
        });
        // Resume the outbox before anything can dispatch: a door-prop deadline read from Redis may fire at once,
        // and a row committed before start() would be both released to its lane and resumed (sent twice, and
        // ahead of the older rows).
        dispatcher.start();
        redis.start();
        if (!store.awaitLoaded(redisLoadWait)) {
            LOG.warn("Redis {} did not answer within {}: starting without stored device state", redis.url(),
                    redisLoadWait);
        }
        scheduler.scheduleWithFixedDelay(this::checkOffline, offlineCheck.toMillis(), offlineCheck.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A normalized device report (from the YoLink client); its alerts are queued for the outbox's group commit. */
    @Override
    public void accept(DeviceState report) {
        engine.accept(report);
    }

    public DeviceStore store() {
        return store;
    }

    public AlertDispatcher dispatcher() {
        return dispatcher;
    }

    public AlertEngine engine() {
        return engine;
    }

    public RedisLink redis() {
        return redis;
    }

    private void apply(SuiteConfig config) {
        engine.configure(config.devices());
        dispatcher.configure(config.devices(), enabledReceivers(config.receivers()));
    }

    private void checkOffline() {
        try {
            engine.checkOffline();
        } catch (RuntimeException e) {
            LOG.error("Offline check failed; it runs again in the next period", e);
        }
    }

    private static AlertEngine.Listener listener(DeviceEvents events) {
        return new AlertEngine.Listener() {
            @Override
            public void device(DeviceState state, boolean changed) {
                events.device(state);
            }

            @Override
            public void alert(AlertEvent event) {
                events.alert(event);
            }
        };
    }

    private static Set<String> enabledReceivers(ReceiversSection receivers) {
        Set<String> enabled = new TreeSet<>();
        if (receivers.chekt().enabled()) {
            enabled.add("chekt");
        }
        if (receivers.sia().enabled()) {
            enabled.add("sia");
        }
        if (receivers.modbus().enabled()) {
            enabled.add("modbus");
        }
        return enabled;
    }

    @PreDestroy
    @Override
    public void close() {
        scheduler.shutdownNow();
        dispatcher.close();
        dispatcher.outbox().close();
        redis.close();
    }
}
