package io.streampulse.bridge;

import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.DeviceUpdates;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Hands every normalized YoLink report to the alert engine, in the YoLink thread's order. The device list goes
 * the same way: the engine keeps names and types from it and ignores anything older than what it already knows.
 */
@Singleton
public class YoLinkToEngine implements DeviceUpdates {

    private final BridgeRuntime runtime;

    public YoLinkToEngine(BridgeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void updated(DeviceState device) {
        runtime.accept(device);
    }

    @Override
    public void listed(List<DeviceState> devices) {
        devices.forEach(runtime::accept);
    }
}
