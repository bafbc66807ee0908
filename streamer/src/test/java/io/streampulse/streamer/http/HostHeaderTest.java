package io.streampulse.streamer.http;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostHeaderTest {

    static final InetSocketAddress LOCAL = new InetSocketAddress("192.168.1.20", 8080);

    @Test
    void parse_hostAndPort_areTakenAsSent() {
        assertEquals(new HostHeader("cam.local", 9000), HostHeader.parse("cam.local:9000", LOCAL));
        assertEquals(new HostHeader("[fd00::2]", 8080), HostHeader.parse("[fd00::2]:8080", LOCAL));
    }

    @Test
    void parse_hostWithoutPort_meansPort80() {
        assertEquals(new HostHeader("10.0.0.5", 80), HostHeader.parse("10.0.0.5", LOCAL));
        assertEquals(new HostHeader("[fd00::2]", 80), HostHeader.parse("[fd00::2]", LOCAL));
    }

    @Test
    void parse_wildcardMissingOrBogusHost_fallsBackToTheLocalAddress() {
        HostHeader local = new HostHeader("192.168.1.20", 8080);

        assertEquals(local, HostHeader.parse("0.0.0.0:8080", LOCAL));
        assertEquals(local, HostHeader.parse(null, LOCAL));
        assertEquals(local, HostHeader.parse("", LOCAL));
        assertEquals(local, HostHeader.parse("evil\"/><x:8080", LOCAL));
        assertEquals(new HostHeader("[0:0:0:0:0:0:0:1]", 8080), HostHeader.parse("[::]:8080",
                new InetSocketAddress("::1", 8080)));
    }
}
