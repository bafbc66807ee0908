package io.streampulse.bridge.chekt;

/** Opens the test sources' fake CHEKT bridge (package-private there) to the bench. */
public final class ChektFake implements AutoCloseable {

    private final FakeChektBridge bridge;

    public ChektFake(String token) {
        bridge = new FakeChektBridge(token);
        bridge.recording(false); // the bench counts acknowledgements on the bridge's side
    }

    public String url() {
        return bridge.url();
    }

    @Override
    public void close() {
        bridge.close();
    }
}
