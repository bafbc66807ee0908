package io.streampulse.bridge.chekt;

/** Opens the test sources' fake CHEKT bridge (package-private there) to the bench. */
public final class ChektFake implements AutoCloseable {

    private final FakeChektBridge bridge;

    public ChektFake(String token) {
        bridge = new FakeChektBridge(token);
    }

    public String url() {
        return bridge.url();
    }

    public int accepted() {
        return bridge.accepted().size();
    }

    @Override
    public void close() {
        bridge.close();
    }
}
