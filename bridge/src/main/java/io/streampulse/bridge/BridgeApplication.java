package io.streampulse.bridge;

import io.micronaut.runtime.Micronaut;

/** The bridge process: YoLink sensors into the alert engine, out to CHEKT, SIA DC-09 and Modbus relays. */
public final class BridgeApplication {

    private BridgeApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(BridgeApplication.class, args);
    }
}
