package io.streampulse.bridge.modbus;

/**
 * One coil write on the relay board (pure). Channels are numbered from 1 as printed on relay boards and in the
 * config ({@code devices.<id>.relay_channel}); Modbus coil addresses start at 0, so channel n is coil n-1 (the
 * mapping yolink-chekt and the common Waveshare/Eletechsup boards use).
 *
 * @param pulseMs for an ON write in pulse mode: switch off again after this long; 0: stay as written
 */
public record RelayCommand(int channel, boolean on, int pulseMs) {

    public static RelayCommand on(int channel) {
        return new RelayCommand(channel, true, 0);
    }

    public static RelayCommand off(int channel) {
        return new RelayCommand(channel, false, 0);
    }

    public static RelayCommand pulse(int channel, int pulseMs) {
        return new RelayCommand(channel, true, pulseMs);
    }

    /** The Modbus coil address of a 1-based channel. */
    public static int coilOf(int channel) {
        return channel - 1;
    }

    public int coil() {
        return coilOf(channel);
    }

    /** "coil 3 on (pulse 1000 ms)", "coil 3 on", "coil 3 off". */
    public String describe() {
        return "coil " + coil() + (on ? " on" : " off") + (pulseMs > 0 ? " (pulse " + pulseMs + " ms)" : "");
    }
}
