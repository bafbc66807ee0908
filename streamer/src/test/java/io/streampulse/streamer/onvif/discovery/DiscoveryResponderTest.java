package io.streampulse.streamer.onvif.discovery;

import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The responder on a real UDP socket, probed unicast on loopback (no multicast interface is joined here, so no
 * Hello or Bye leaves the machine; the multicast path runs in a network namespace, see MulticastDiscoveryTest).
 */
class DiscoveryResponderTest {

    @Test
    void unicastProbe_isAnsweredToTheSender_withALoopbackXAddr_andGarbageDoesNotStopIt() throws Exception {
        int port = FreePorts.next();
        try (DiscoveryResponder responder = new DiscoveryResponder(port, List.of(), local -> new Announcement(
                "urn:uuid:6f1c2a30-0000-4000-8000-000000000001", List.of("onvif://www.onvif.org/name/lobby"),
                "http://" + local.getHostAddress() + ":8080/onvif/device_service", 1));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            responder.start();
            client.setSoTimeout(5_000);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (byte[] junk : List.of("garbage".getBytes(), new byte[0], new byte[9_000])) {
                client.send(new DatagramPacket(junk, junk.length, target));
            }
            byte[] probe = ProbeDatagrams.npm("urn:uuid:probe-1", "dn:NetworkVideoTransmitter");
            client.send(new DatagramPacket(probe, probe.length, target));

            DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
            client.receive(reply);
            String xml = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);

            assertEquals(port, reply.getPort());
            assertTrue(xml.contains("<wsa:RelatesTo>urn:uuid:probe-1</wsa:RelatesTo>"), xml);
            assertTrue(xml.contains("<d:XAddrs>http://127.0.0.1:8080/onvif/device_service</d:XAddrs>"), xml);
        }
    }
}
