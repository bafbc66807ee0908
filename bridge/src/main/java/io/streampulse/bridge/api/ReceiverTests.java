package io.streampulse.bridge.api;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.chekt.ChektReceiver;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.modbus.ModbusRelayReceiver;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.sia.SiaReceiverBean;
import io.streampulse.shared.config.DeviceMapping;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Real test sends, bypassing the outbox: CHEKT posts its test text to a zone, Modbus pulses a channel, SIA sends a
 * door restore ({@code BH<zone>}) from a synthetic device, because the receivers' cause table has no test code and
 * a restore is the one message a central station never dispatches on.
 */
@Singleton
public class ReceiverTests {

    static final String TEST_DEVICE = "streampulse-test";

    private final ChektReceiver chekt;
    private final ModbusRelayReceiver modbus;
    private final SiaReceiverBean sia;

    public ReceiverTests(ChektReceiver chekt, ModbusRelayReceiver modbus, SiaReceiverBean sia) {
        this.chekt = chekt;
        this.modbus = modbus;
        this.sia = sia;
    }

    /** Empty when no receiver has that name. */
    Optional<CompletableFuture<Delivery>> send(String receiver, int target) {
        return switch (receiver) {
            case ChektReceiver.NAME -> Optional.of(chekt.sendTest(target));
            case ModbusRelayReceiver.NAME -> Optional.of(modbus.sendTest(target));
            case "sia" -> Optional.of(sia.deliver(siaTestEvent(System.currentTimeMillis()), siaMapping(target)));
            default -> Optional.empty();
        };
    }

    static AlertEvent siaTestEvent(long now) {
        return new AlertEvent("test-" + now, TEST_DEVICE, "StreamPulse test", DeviceKind.DOOR, AlertCause.OPEN, true,
                now);
    }

    static DeviceMapping siaMapping(int zone) {
        return new DeviceMapping(TEST_DEVICE, "StreamPulse test", Optional.empty(), Optional.of(zone),
                Optional.empty(), 0, List.of("sia"));
    }
}
