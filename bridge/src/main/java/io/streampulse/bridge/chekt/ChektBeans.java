package io.streampulse.bridge.chekt;

import io.micronaut.context.annotation.Factory;
import io.streampulse.shared.config.ConfigWatcher;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The CHEKT receiver as a bean, reading {@code receivers.chekt} from the config in force at each delivery. */
@Factory
public class ChektBeans {

    @Singleton
    ChektReceiver chektReceiver(ConfigWatcher watcher) {
        return new ChektReceiver(() -> watcher.current().config().receivers().chekt(),
                ChektReceiver.defaultClient(), ChektRetry.DEFAULT, Clock.systemUTC());
    }
}
