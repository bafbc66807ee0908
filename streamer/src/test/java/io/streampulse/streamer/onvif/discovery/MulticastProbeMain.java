package io.streampulse.streamer.onvif.discovery;

import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Run by MulticastDiscoveryTest inside a private network namespace whose loopback takes multicast: starts the
 * responder on the standard port joined on lo, watches the group for its Hello and Bye, sends a real multicast
 * Probe and prints one line per message seen: {@code HELLO|MATCH|BYE <xml>}.
 */
public final class MulticastProbeMain {

    private MulticastProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        InetSocketAddress group = new InetSocketAddress(DiscoveryResponder.GROUP, 3702);
        try (MulticastSocket watcher = new MulticastSocket(null);
             MulticastSocket prober = new MulticastSocket(0)) {
            watcher.setReuseAddress(true);
            watcher.bind(new InetSocketAddress(3702));
            watcher.joinGroup(group, lo);
            watcher.setSoTimeout(5_000);
            DiscoveryResponder responder = new DiscoveryResponder(3702, List.of(lo), local -> new Announcement(
                    "urn:uuid:6f1c2a30-0000-4000-8000-000000000001", List.of("onvif://www.onvif.org/name/lobby"),
                    "http://" + local.getHostAddress() + ":8080/onvif/device_service", 7));
            responder.start();
            print("HELLO", awaitOn(watcher, "/Hello<"));

            prober.setNetworkInterface(lo);
            prober.setSoTimeout(5_000);
            byte[] probe = ProbeDatagrams.npm("urn:uuid:multicast-probe", "dn:NetworkVideoTransmitter");
            long sent = System.nanoTime();
            prober.send(new DatagramPacket(probe, probe.length, group));
            String match = awaitOn(prober, "/ProbeMatches<");
            System.out.println("ROUND_TRIP_MS " + (System.nanoTime() - sent) / 1_000_000);
            print("MATCH", match);

            responder.close();
            print("BYE", awaitOn(watcher, "/Bye<"));
        }
    }

    private static String awaitOn(MulticastSocket socket, String action) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        while (true) {
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return "timed out waiting for " + action;
            }
            String xml = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (xml.contains(action)) {
                return xml;
            }
        }
    }

    private static void print(String what, String xml) {
        System.out.println(what + " " + xml.replace('\n', ' '));
    }
}
