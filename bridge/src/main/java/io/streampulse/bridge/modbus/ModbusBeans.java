package io.streampulse.bridge.modbus;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.streampulse.shared.config.ConfigWatcher;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The relay receiver as a bean, reading {@code receivers.modbus} from the config in force at each event. */
@Factory
public class ModbusBeans {

    @Singleton
    @Bean(preDestroy = "close")
    ModbusRelayReceiver modbusRelayReceiver(ConfigWatcher watcher) {
        return new ModbusRelayReceiver(() -> watcher.current().config().receivers().modbus(),
                ModbusRelayClient.DEFAULT_TIMEOUT_MS, Clock.systemUTC());
    }
}
