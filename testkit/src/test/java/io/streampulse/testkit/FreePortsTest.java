package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void twoCallsReturnDifferentPorts() {
        int first = FreePorts.next();
        int second = FreePorts.next();
        assertNotEquals(first, second);
        assertTrue(first > 0 && first < 65536, "port in range: " + first);
    }

    @Test
    void manyCallsNeverRepeatAPort() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ports.add(FreePorts.next());
        }
        assertEquals(100, ports.size());
    }

    @Test
    void returnedPortCanBeBoundOnLoopback() throws Exception {
        int port = FreePorts.next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertEquals(port, socket.getLocalPort());
        }
    }
}
