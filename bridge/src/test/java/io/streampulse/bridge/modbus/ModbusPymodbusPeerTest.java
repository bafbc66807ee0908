package io.streampulse.bridge.modbus;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.ReceiversSection.Modbus.Mode;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.PymodbusRelayBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay receiver against Debian's python3-pymodbus, a Modbus implementation independent of j2mod. */
class ModbusPymodbusPeerTest {

    private static final int UNIT = 2;
    private PymodbusRelayBoard board;
    private ModbusRelayReceiver relay;

    @BeforeEach
    void start() {
        board = new PymodbusRelayBoard(UNIT, 8);
        // 16 channels configured on an 8-coil board: channel 10 reaches the board and is refused by it
        relay = new ModbusRelayReceiver(() -> new ReceiversSection.Modbus(true, "127.0.0.1", board.port(), UNIT, 16,
                Mode.PULSE, 150), 1_000, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        relay.close();
        board.close();
    }

    @Test
    void pulse_pymodbusSeesCoilOnThenOff() throws Exception {
        Delivery delivery = relay.deliver(alarm(), channel(4)).get(10, TimeUnit.SECONDS);
        assertTrue(delivery.acknowledged(), delivery.answer());
        assertEquals("coil 3 on (pulse 150 ms)", delivery.answer());
        Eventually.await(Duration.ofSeconds(5), "coil 3 on, then off at pymodbus", () -> board.writes(3),
                List.of(true, false)::equals);
    }

    @Test
    void coilTheBoardDoesNotHave_pymodbusExceptionIsTheAnswer() throws Exception {
        Delivery delivery = relay.deliver(alarm(), channel(10)).get(10, TimeUnit.SECONDS);
        assertFalse(delivery.acknowledged());
        assertTrue(delivery.answer().contains("Modbus exception 2 (Illegal Data Address)"), delivery.answer());
    }

    private static AlertEvent alarm() {
        return new AlertEvent("d1-alarm", "d1", "Door d1", DeviceKind.DOOR, AlertCause.OPEN, false, 1L);
    }

    private static DeviceMapping channel(int channel) {
        return new DeviceMapping("d1", "", Optional.empty(), Optional.empty(), Optional.of(channel), 0,
                List.of("modbus"));
    }
}
