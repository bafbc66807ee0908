package io.streampulse.streamer.onvif.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The WS-Discovery target service on UDP (3702 by default): joins 239.255.255.250 on the given interfaces,
 * answers each matching Probe with a ProbeMatch sent unicast back to the sender, announces Hello at start and Bye
 * at stop on each interface. The XAddrs name the local address the kernel routes to the prober with (the
 * interface the probe came in on), so a prober on 127.0.0.1 is told 127.0.0.1 and a LAN NVR the LAN address.
 * Unicast probes are answered on every interface, also when no multicast interface is given.
 */
public final class DiscoveryResponder implements AutoCloseable {

    public static final InetAddress GROUP = groupAddress();
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryResponder.class);
    private static final int MAX_DATAGRAM = 65_535;

    private final int port;
    private final List<NetworkInterface> interfaces;
    private final Function<InetAddress, Announcement> announcement;
    private final AtomicInteger messageNumber = new AtomicInteger();
    private MulticastSocket socket;
    private Thread receiver;

    /**
     * @param interfaces   where to join the group and announce (empty: unicast probes only)
     * @param announcement the announcement for a local address (its XAddr names that address)
     */
    public DiscoveryResponder(int port, List<NetworkInterface> interfaces,
                              Function<InetAddress, Announcement> announcement) {
        this.port = port;
        this.interfaces = List.copyOf(interfaces);
        this.announcement = announcement;
    }

    public void start() throws IOException {
        socket = new MulticastSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port));
        for (NetworkInterface nic : interfaces) {
            try {
                socket.joinGroup(new InetSocketAddress(GROUP, port), nic);
            } catch (IOException e) {
                LOG.warn("WS-Discovery: cannot join {} on {}: {}", GROUP.getHostAddress(), nic.getName(),
                        e.getMessage());
            }
        }
        receiver = new Thread(this::receive, "ws-discovery");
        receiver.setDaemon(true);
        receiver.start();
        announce(true);
        LOG.info("WS-Discovery: answering probes on UDP {} (multicast on {})", port,
                interfaces.stream().map(NetworkInterface::getName).toList());
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("WS-Discovery: receiving failed: {}", e.getMessage());
                }
                continue;
            }
            Optional<Probe> probe = DiscoveryMessages.probe(Arrays.copyOf(packet.getData(), packet.getLength()));
            if (probe.isPresent()) {
                answer(probe.get(), (InetSocketAddress) packet.getSocketAddress());
            }
        }
    }

    private void answer(Probe probe, InetSocketAddress sender) {
        try {
            InetAddress local = localAddressFacing(sender);
            Announcement device = announcement.apply(local);
            if (!probe.matches(device.scopes())) {
                return;
            }
            byte[] reply = DiscoveryMessages.probeMatches(probe, device, newMessageId(),
                    messageNumber.incrementAndGet());
            socket.send(new DatagramPacket(reply, reply.length, sender));
            LOG.debug("WS-Discovery: ProbeMatch to {} with {}", sender, local.getHostAddress());
        } catch (IOException e) {
            LOG.warn("WS-Discovery: cannot answer the probe from {}: {}", sender, e.getMessage());
        }
    }

    /** The source address the kernel picks to reach the sender, i.e. our address on that interface. */
    static InetAddress localAddressFacing(InetSocketAddress sender) throws SocketException {
        try (DatagramSocket route = new DatagramSocket()) {
            route.connect(sender);
            return route.getLocalAddress();
        }
    }

    private void announce(boolean hello) {
        for (NetworkInterface nic : interfaces) {
            Optional<InetAddress> address = nic.inetAddresses().filter(Inet4Address.class::isInstance).findFirst();
            if (address.isEmpty()) {
                continue;
            }
            Announcement device = announcement.apply(address.get());
            byte[] message = hello ? DiscoveryMessages.hello(device, newMessageId(), messageNumber.incrementAndGet())
                    : DiscoveryMessages.bye(device, newMessageId(), messageNumber.incrementAndGet());
            try {
                socket.setNetworkInterface(nic);
                socket.send(new DatagramPacket(message, message.length, GROUP, port));
            } catch (IOException e) {
                LOG.warn("WS-Discovery: cannot send {} on {}: {}", hello ? "Hello" : "Bye", nic.getName(),
                        e.getMessage());
            }
        }
    }

    private static String newMessageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    @Override
    public void close() {
        if (socket == null || socket.isClosed()) {
            return;
        }
        announce(false);
        socket.close();
        try {
            receiver.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress groupAddress() {
        try {
            return InetAddress.getByName("239.255.255.250");
        } catch (IOException e) {
            throw new IllegalStateException("a literal address always parses", e);
        }
    }
}
