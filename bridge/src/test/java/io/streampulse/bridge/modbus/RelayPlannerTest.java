package io.streampulse.bridge.modbus;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.ReceiversSection.Modbus.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayPlannerTest {

    private static final ReceiversSection.Modbus PULSE = config(Mode.PULSE);
    private static final ReceiversSection.Modbus FOLLOWER = config(Mode.FOLLOWER);

    private static ReceiversSection.Modbus config(Mode mode) {
        return new ReceiversSection.Modbus(true, "board", 502, 1, 8, mode, 1_000);
    }

    private static AlertEvent event(AlertCause cause, boolean restore) {
        return new AlertEvent("e", "d1", "Door", DeviceKind.DOOR, cause, restore, 1L);
    }

    private static DeviceMapping channel(Integer channel) {
        return new DeviceMapping("d1", "Door", Optional.empty(), Optional.empty(), Optional.ofNullable(channel), 0,
                List.of("modbus"));
    }

    @Test
    void plan_pulseAlarm_pulsesCoilChannelMinusOne() {
        RelayPlan plan = RelayPlanner.plan(PULSE, event(AlertCause.OPEN, false), channel(4));

        assertEquals(new RelayPlan.Write(RelayCommand.pulse(4, 1_000)), plan);
        assertEquals("coil 3 on (pulse 1000 ms)", ((RelayPlan.Write) plan).command().describe());
    }

    @Test
    void plan_pulseRestore_leavesTheRelayAlone() {
        assertEquals(new RelayPlan.Nothing("pulse mode: a restore leaves coil 3 alone"),
                RelayPlanner.plan(PULSE, event(AlertCause.OPEN, true), channel(4)));
    }

    @Test
    void plan_followerAlarmAndRestore_switchOnThenOff() {
        assertEquals(new RelayPlan.Write(RelayCommand.on(1)),
                RelayPlanner.plan(FOLLOWER, event(AlertCause.LEAK, false), channel(1)));
        assertEquals(new RelayPlan.Write(RelayCommand.off(1)),
                RelayPlanner.plan(FOLLOWER, event(AlertCause.LEAK, true), channel(1)));
        assertEquals("coil 0 off", RelayCommand.off(1).describe());
    }

    @Test
    void plan_trouble_doesNotDriveTheRelay() {
        assertEquals(new RelayPlan.Nothing("troubles do not drive relays (LOW_BATTERY)"),
                RelayPlanner.plan(FOLLOWER, event(AlertCause.LOW_BATTERY, false), channel(1)));
    }

    @Test
    void plan_channelOutsideTheBoard_isRefusedWithTheRange() {
        assertEquals(new RelayPlan.Refused("relay channel 9 is outside 1..8 (receivers.modbus.channels)"),
                RelayPlanner.plan(PULSE, event(AlertCause.OPEN, false), channel(9)));
        assertEquals(new RelayPlan.Refused("relay channel 0 is outside 1..8 (receivers.modbus.channels)"),
                RelayPlanner.test(PULSE, 0));
    }

    @Test
    void plan_noChannelMapped_isRefusedNamingTheKey() {
        assertEquals(new RelayPlan.Refused("no relay channel mapped for device d1 (devices.d1.relay_channel)"),
                RelayPlanner.plan(PULSE, event(AlertCause.OPEN, false), channel(null)));
    }

    @Test
    void test_followerMode_stillPulses() {
        assertEquals(new RelayPlan.Write(RelayCommand.pulse(8, 1_000)), RelayPlanner.test(FOLLOWER, 8));
    }

    @Test
    void followerChannels_twoAlarmsOnOneChannel_releaseOnlyWhenBothRestored() {
        FollowerChannels channels = new FollowerChannels();
        channels.hold(2, "a/OPEN");
        channels.hold(2, "b/OPEN");
        channels.hold(2, "b/OPEN");

        assertEquals(1, channels.release(2, "a/OPEN"));
        assertTrue(channels.held(2));
        assertEquals(0, channels.release(2, "b/OPEN"));
        assertFalse(channels.held(2));
        assertEquals(0, channels.release(5, "never/OPEN"));
    }
}
