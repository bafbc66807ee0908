package io.streampulse.bridge.modbus;

import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;

/**
 * Decides what an alert event does to the relay (pure). Pulse mode: an alarm pulses the channel, a restore does
 * nothing. Follower mode: an alarm switches the channel on, its restore off. Troubles (low battery, offline,
 * fault) never drive a relay: the relay is wired to an alarm panel input, and a flat battery is not a burglary.
 */
public final class RelayPlanner {

    private RelayPlanner() {
    }

    public static RelayPlan plan(ReceiversSection.Modbus config, AlertEvent event, DeviceMapping mapping) {
        if (mapping.relayChannel().isEmpty()) {
            return new RelayPlan.Refused("no relay channel mapped for device " + event.deviceId() + " (devices."
                    + event.deviceId() + ".relay_channel)");
        }
        int channel = mapping.relayChannel().get();
        String outside = outOfRange(channel, config.channels());
        if (outside != null) {
            return new RelayPlan.Refused(outside);
        }
        if (event.cause().trouble()) {
            return new RelayPlan.Nothing("troubles do not drive relays (" + event.cause() + ")");
        }
        if (config.mode() == ReceiversSection.Modbus.Mode.PULSE) {
            return event.restore() ? new RelayPlan.Nothing("pulse mode: a restore leaves coil "
                    + RelayCommand.coilOf(channel) + " alone")
                    : new RelayPlan.Write(RelayCommand.pulse(channel, config.pulseMs()));
        }
        return new RelayPlan.Write(event.restore() ? RelayCommand.off(channel) : RelayCommand.on(channel));
    }

    /** A test pulse on {@code channel}, whatever the mode (the webgui's "pulse channel" button). */
    public static RelayPlan test(ReceiversSection.Modbus config, int channel) {
        String outside = outOfRange(channel, config.channels());
        return outside != null ? new RelayPlan.Refused(outside)
                : new RelayPlan.Write(RelayCommand.pulse(channel, config.pulseMs()));
    }

    /** Null when {@code channel} is one of the board's; otherwise why not. */
    static String outOfRange(int channel, int channels) {
        return channel >= 1 && channel <= channels ? null
                : "relay channel " + channel + " is outside 1.." + channels + " (receivers.modbus.channels)";
    }
}
