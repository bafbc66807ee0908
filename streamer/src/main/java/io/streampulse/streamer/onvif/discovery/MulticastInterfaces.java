package io.streampulse.streamer.onvif.discovery;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/** The interfaces an NVR on the LAN can probe us through: up, multicast, not loopback, with an IPv4 address. */
public final class MulticastInterfaces {

    private MulticastInterfaces() {
    }

    public static List<NetworkInterface> lan() {
        try {
            return NetworkInterface.networkInterfaces().filter(MulticastInterfaces::usable).toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && nic.supportsMulticast() && !nic.isLoopback() && !nic.isPointToPoint()
                    && nic.inetAddresses().anyMatch(Inet4Address.class::isInstance);
        } catch (SocketException e) {
            return false;
        }
    }
}
