package io.streampulse.bridge.modbus;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.support.ThreadRecordingClock;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.ReceiversSection.Modbus.Mode;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModbusRelayReceiverTest {

    private static final int UNIT = 3;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private RelayBoardSlave slave;
    private ModbusRelayReceiver relay;
    private final AtomicReference<ReceiversSection.Modbus> config = new AtomicReference<>();

    @BeforeEach
    void startBoard() throws Exception {
        slave = new RelayBoardSlave(UNIT, 8);
        config.set(board(slave.port(), Mode.PULSE));
        relay = new ModbusRelayReceiver(config::get, 1_000, Clock.systemUTC());
    }

    @AfterEach
    void stopBoard() {
        relay.close();
        slave.close();
    }

    private static ReceiversSection.Modbus board(int port, Mode mode) {
        return new ReceiversSection.Modbus(true, "127.0.0.1", port, UNIT, 16, mode, 200);
    }

    private static AlertEvent event(String device, boolean restore) {
        return new AlertEvent(device + (restore ? "-restore" : "-alarm"), device, "Door " + device, DeviceKind.DOOR,
                AlertCause.OPEN, restore, 1L);
    }

    private static DeviceMapping channel(String device, int channel) {
        return new DeviceMapping(device, "", Optional.empty(), Optional.empty(), Optional.of(channel), 0,
                List.of("modbus"));
    }

    private static Delivery await(CompletableFuture<Delivery> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void deliver_pulseMode_coilGoesOnThenOffAfterThePulse() throws Exception {
        Delivery delivery = await(relay.deliver(event("d1", false), channel("d1", 3)));

        assertEquals(new Delivery("modbus", "d1-alarm", true, "coil 2 on (pulse 200 ms)", 1, delivery.atMillis()),
                delivery);
        Eventually.await(WAIT, "coil 2 written on, then off", () -> slave.writes(2), List.of(true, false)::equals);
        assertFalse(slave.isOn(2));
    }

    @Test
    void deliverOnCaller_followerMode_writtenAndAnsweredOnTheCallersThread() {
        relay.close();
        ThreadRecordingClock clock = new ThreadRecordingClock();
        config.set(board(slave.port(), Mode.FOLLOWER));
        relay = new ModbusRelayReceiver(config::get, 1_000, clock);

        Delivery delivery = relay.deliverOnCaller(event("d1", false), channel("d1", 4), WAIT);

        assertEquals(new Delivery("modbus", "d1-alarm", true, "coil 3 on", 1, delivery.atMillis()), delivery);
        assertEquals(List.of(true), slave.writes(3));
        assertEquals(Set.of(Thread.currentThread().getName()), clock.drainReaders(),
                "the coil was written or answered on another thread");
    }

    @Test
    void deliverOnCaller_alongsideQueuedDeliveries_followerHoldsSharedByBothPaths() throws Exception {
        config.set(board(slave.port(), Mode.FOLLOWER));
        CompletableFuture<Delivery> queued = relay.deliver(event("d1", false), channel("d1", 2));
        assertTrue(relay.deliverOnCaller(event("d2", false), channel("d2", 2), WAIT).acknowledged());
        assertTrue(await(queued).acknowledged());

        Delivery first = await(relay.deliver(event("d1", true), channel("d1", 2)));
        assertEquals("coil 1 stays on: 1 other alarm(s) hold channel 2", first.answer());
        assertEquals("coil 1 off", relay.deliverOnCaller(event("d2", true), channel("d2", 2), WAIT).answer());
        assertFalse(slave.isOn(1));
    }

    @Test
    void deliverOnCaller_afterClose_refusedWithoutAWrite() {
        relay.close();

        Delivery late = relay.deliverOnCaller(event("d1", false), channel("d1", 3), WAIT);

        assertFalse(late.acknowledged());
        assertEquals("the Modbus receiver is stopped", late.answer());
        assertEquals(List.of(), slave.writes(2));
    }

    @Test
    void deliver_followerMode_coilFollowsAlarmAndRestore() throws Exception {
        config.set(board(slave.port(), Mode.FOLLOWER));

        Delivery on = await(relay.deliver(event("d1", false), channel("d1", 1)));
        assertEquals("coil 0 on", on.answer());
        assertTrue(slave.isOn(0));
        Delivery off = await(relay.deliver(event("d1", true), channel("d1", 1)));

        assertEquals("coil 0 off", off.answer());
        assertEquals(List.of(true, false), slave.writes(0));
    }

    @Test
    void deliver_followerModeTwoDevicesOnOneChannel_staysOnUntilBothRestore() throws Exception {
        config.set(board(slave.port(), Mode.FOLLOWER));
        await(relay.deliver(event("d1", false), channel("d1", 2)));
        await(relay.deliver(event("d2", false), channel("d2", 2)));

        Delivery first = await(relay.deliver(event("d1", true), channel("d1", 2)));
        assertTrue(first.acknowledged());
        assertEquals("coil 1 stays on: 1 other alarm(s) hold channel 2", first.answer());
        assertTrue(slave.isOn(1));
        await(relay.deliver(event("d2", true), channel("d2", 2)));

        assertFalse(slave.isOn(1));
    }

    @Test
    void deliver_channelOutOfRange_isAClearNackWithoutAWrite() throws Exception {
        Delivery delivery = await(relay.deliver(event("d1", false), channel("d1", 17)));

        assertFalse(delivery.acknowledged());
        assertEquals("relay channel 17 is outside 1..16 (receivers.modbus.channels)", delivery.answer());
        assertEquals(0, delivery.attempts());
    }

    @Test
    void deliver_coilTheBoardDoesNotHave_reportsTheModbusException() throws Exception {
        Delivery delivery = await(relay.deliver(event("d1", false), channel("d1", 12)));

        assertFalse(delivery.acknowledged());
        assertTrue(delivery.answer().startsWith("board 127.0.0.1:" + slave.port() + " answered Modbus exception 2"),
                delivery.answer());
    }

    @Test
    void deliver_afterTheBoardRestarted_reconnectsAndWrites() throws Exception {
        config.set(board(slave.port(), Mode.FOLLOWER));
        assertTrue(await(relay.deliver(event("d1", false), channel("d1", 4))).acknowledged());

        slave.restart();
        Delivery afterRestart = await(relay.deliver(event("d1", true), channel("d1", 4)));

        assertTrue(afterRestart.acknowledged(), afterRestart.answer());
        assertEquals(List.of(false), slave.writes(3));
    }

    @Test
    void deliver_boardDown_saysItCannotConnect() throws Exception {
        int closedPort = FreePorts.next();
        config.set(board(closedPort, Mode.PULSE));

        Delivery delivery = await(relay.deliver(event("d1", false), channel("d1", 1)));

        assertFalse(delivery.acknowledged());
        assertTrue(delivery.answer().startsWith("coil 0 on (pulse 200 ms) failed on 127.0.0.1:" + closedPort
                + ": cannot connect to 127.0.0.1:" + closedPort), delivery.answer());
        assertFalse(relay.healthy());
        assertEquals(delivery.answer(), relay.details().get("last_error"));
    }

    @Test
    void deliver_eventWithoutCause_completesWithANackNotAnException() throws Exception {
        AlertEvent broken = new AlertEvent("ev-x", "d1", "", DeviceKind.DOOR, null, false, 1L);

        Delivery delivery = await(relay.deliver(broken, channel("d1", 1)));

        assertFalse(delivery.acknowledged());
        assertTrue(delivery.answer().startsWith("internal error: "), delivery.answer());
    }

    @Test
    void sendTest_channel_pulsesEvenInFollowerMode() throws Exception {
        config.set(board(slave.port(), Mode.FOLLOWER));

        Delivery delivery = await(relay.sendTest(5));

        assertEquals("coil 4 on (pulse 200 ms)", delivery.answer());
        Eventually.await(WAIT, "test pulse on coil 4", () -> slave.writes(4), List.of(true, false)::equals);
    }

    @Test
    void deliver_pulseRestore_isAcknowledgedWithoutAWrite() throws Exception {
        Delivery delivery = await(relay.deliver(event("d1", true), channel("d1", 6)));

        assertTrue(delivery.acknowledged());
        assertEquals(List.of(), slave.writes(5));
    }
}
