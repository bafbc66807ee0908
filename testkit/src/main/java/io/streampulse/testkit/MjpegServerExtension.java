package io.streampulse.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MjpegServer} for a test class: {@code @RegisterExtension static final MjpegServerExtension camera =
 * new MjpegServerExtension();} starts it before the first test (nested classes share it) and closes it after the
 * last; {@link #server()} reaches it.
 */
public final class MjpegServerExtension implements BeforeAllCallback, AfterAllCallback {

    private MjpegServer server;
    private int classDepth;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            server = MjpegServer.start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            server.close();
            server = null;
        }
    }

    public synchronized MjpegServer server() {
        if (server == null) {
            throw new IllegalStateException("MjpegServerExtension must be a static @RegisterExtension field");
        }
        return server;
    }
}
