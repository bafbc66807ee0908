package io.streampulse.bridge.chekt;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.streampulse.shared.config.ConfigWatcher;

import java.time.Clock;

/**
 * The CHEKT receiver as a bean, reading {@code receivers.chekt} from the config in force at each delivery. Built at
 * startup: the JDK HttpClient takes seconds to build on a busy small box (its TLS context), which the first alarm
 * must not wait for.
 */
@Factory
public class ChektBeans {

    @Context
    ChektReceiver chektReceiver(ConfigWatcher watcher) {
        return new ChektReceiver(() -> watcher.current().config().receivers().chekt(),
                ChektReceiver.defaultClient(), ChektRetry.DEFAULT, Clock.systemUTC());
    }
}
