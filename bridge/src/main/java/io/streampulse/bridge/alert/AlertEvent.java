package io.streampulse.bridge.alert;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.bridge.device.DeviceKind;

/**
 * One alarm, restore or trouble of one device, as the alert engine hands it to every receiver the device is
 * mapped to. {@code id} is unique and stable (the delivery log and retries refer to it).
 *
 * @param restore false: the cause began; true: it ended
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AlertEvent(String id, String deviceId, String deviceName, DeviceKind kind, AlertCause cause,
                         boolean restore, long atMillis) {
}
