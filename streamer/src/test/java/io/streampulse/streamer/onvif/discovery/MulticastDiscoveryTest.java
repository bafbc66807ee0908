package io.streampulse.streamer.onvif.discovery;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WS-Discovery over real multicast. Loopback on this host does not take multicast (no MULTICAST flag, no route),
 * and no datagram may leave the machine, so the responder and the prober run in a private network namespace
 * ({@code unshare -rn}) whose lo is given the flag and a 239/8 route: Hello at start, a multicast Probe answered
 * unicast with a ProbeMatch naming 127.0.0.1, Bye at stop.
 */
class MulticastDiscoveryTest {

    @Test
    void inANamespace_helloThenProbeMatchThenBye_overMulticastOnLoopback() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("unshare", "-rn", "sh", "-c",
                "ip link set lo up && ip link set lo multicast on && ip route add 239.0.0.0/8 dev lo"
                        + " && exec \"$0\" -cp \"$1\" " + MulticastProbeMain.class.getName(),
                java, System.getProperty("java.class.path")).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the namespace probe did not finish within 30 s");
        }
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines()
                .filter(line -> line.matches("(HELLO|MATCH|BYE) .*")).toList();

        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("<d:Hello><wsa:EndpointReference><wsa:Address>urn:uuid:6f1c2a30-0000-4000-"
                + "8000-000000000001</wsa:Address>"), lines.get(0));
        assertTrue(lines.get(1).contains("<wsa:RelatesTo>urn:uuid:multicast-probe</wsa:RelatesTo>"), lines.get(1));
        assertTrue(lines.get(1).contains("<d:XAddrs>http://127.0.0.1:8080/onvif/device_service</d:XAddrs>"),
                lines.get(1));
        assertTrue(lines.get(2).contains("<d:Bye>"), lines.get(2));
    }
}
