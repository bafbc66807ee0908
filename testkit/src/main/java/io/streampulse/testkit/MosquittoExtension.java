package io.streampulse.testkit;

import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs a real {@link MosquittoPeer} for a test class (or a single test).
 * Why: one line in a test, no broker management code in it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MosquittoExtension broker = MosquittoExtension.plain();
 *
 * @RegisterExtension
 * static final MosquittoExtension secured = MosquittoExtension.withOptions(
 *         b -> b.withPasswordFile(Map.of("cam", "secret")).withWebSocketListener());
 * }</pre>
 *
 * See {@link PeerExtension} for when the broker starts and stops.
 */
public final class MosquittoExtension extends PeerExtension<MosquittoPeer> {

    private final Consumer<MosquittoPeer.Builder> options;

    private MosquittoExtension(Consumer<MosquittoPeer.Builder> options) {
        this.options = options;
    }

    /** A broker with only an anonymous plain TCP listener. */
    public static MosquittoExtension plain() {
        return new MosquittoExtension(builder -> { });
    }

    /** A broker configured by {@code options} (called when the broker starts, e.g. to generate certificates). */
    public static MosquittoExtension withOptions(Consumer<MosquittoPeer.Builder> options) {
        return new MosquittoExtension(options);
    }

    @Override
    protected MosquittoPeer startPeer() {
        MosquittoPeer.Builder builder = MosquittoPeer.builder();
        options.accept(builder);
        return builder.start();
    }

    public String host() {
        return peer().host();
    }

    public int tcpPort() {
        return peer().tcpPort();
    }

    public int wsPort() {
        return peer().wsPort();
    }

    public int tlsPort() {
        return peer().tlsPort();
    }

    public int tlsWsPort() {
        return peer().tlsWsPort();
    }
}
