package io.streampulse.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lifecycle shared by {@link MosquittoExtension} and {@link RedisExtension}. Why: a test should only declare
 * the peer it needs; starting, stopping and cleaning up belong in one place.
 *
 * <ul>
 *   <li>As a {@code static} {@code @RegisterExtension} field the peer starts in beforeAll and stops in afterAll
 *       of the declaring class (nested classes share it).</li>
 *   <li>As an instance field (beforeAll is not called for those) it starts in beforeEach and stops in afterEach.</li>
 *   <li>The peer starts only once either way. If a test stopped or killed it, it is restarted (same ports) before
 *       the next test, so one crash-recovery test cannot break the tests after it.</li>
 * </ul>
 *
 * @param <P> the peer type
 */
public abstract class PeerExtension<P extends ExternalPeer>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private P peer;
    private int classDepth;
    private boolean startedForOneTest;

    /** Starts a new peer; a missing binary must fail here with the apt package to install. */
    protected abstract P startPeer();

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0 && peer == null) {
            peer = startPeer();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth <= 0) {
            classDepth = 0;
            closePeer();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (peer == null) {
            peer = startPeer();
            startedForOneTest = true;
        } else if (!peer.isRunning()) {
            peer.restart();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            startedForOneTest = false;
            closePeer();
        }
    }

    /** The running peer; throws if the extension has not started it (not registered, or used outside a test). */
    public synchronized P peer() {
        if (peer == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " has not started its peer: register it with @RegisterExtension and use it inside a test");
        }
        return peer;
    }

    private void closePeer() {
        P closing = peer;
        peer = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop " + closing, e);
            }
        }
    }
}
