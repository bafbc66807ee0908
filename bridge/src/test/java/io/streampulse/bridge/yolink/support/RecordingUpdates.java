package io.streampulse.bridge.yolink.support;

import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.DeviceUpdates;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DeviceUpdates} that keeps what it was given, for assertions. */
public final class RecordingUpdates implements DeviceUpdates {

    private final List<DeviceState> updates = new CopyOnWriteArrayList<>();
    private final List<List<DeviceState>> lists = new CopyOnWriteArrayList<>();

    @Override
    public void updated(DeviceState device) {
        updates.add(device);
    }

    @Override
    public void listed(List<DeviceState> devices) {
        lists.add(devices);
    }

    public List<DeviceState> updates() {
        return List.copyOf(updates);
    }

    public List<List<DeviceState>> lists() {
        return List.copyOf(lists);
    }

    public Optional<DeviceState> last(String deviceId) {
        DeviceState found = null;
        for (DeviceState state : updates) {
            if (state.deviceId().equals(deviceId)) {
                found = state;
            }
        }
        return Optional.ofNullable(found);
    }
}
