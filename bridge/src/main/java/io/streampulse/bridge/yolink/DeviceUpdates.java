package io.streampulse.bridge.yolink;

import io.streampulse.bridge.device.DeviceState;

import java.util.List;

/**
 * Where normalized YoLink device states go (the device store, the alert engine). Every bean of this type receives
 * every update, in order per device, on one YoLink thread: return quickly and hand slow work elsewhere.
 */
public interface DeviceUpdates {

    /** A device was heard from: its complete new state (an unchanged periodic report included). */
    void updated(DeviceState device);

    /** The account's device list was read: every device, merged with what its events told (names, types). */
    default void listed(List<DeviceState> devices) {
    }
}
