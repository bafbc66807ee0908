package io.streampulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on 127.0.0.1 for real peers (brokers, redis, the suite's HTTP servers).
 * Why: fixed ports collide between test classes and with services on the machine; asking the kernel for an
 * ephemeral port and remembering every port handed out in this JVM means two peers of one test run never get
 * the same port, even if the first has not bound it yet.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago and that no earlier call in this JVM returned. */
    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("could not bind an ephemeral port on 127.0.0.1", e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no unused free port found after " + ATTEMPTS + " attempts");
    }
}
