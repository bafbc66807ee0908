package io.streampulse.streamer.onvif;

import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** This host's interfaces that are up and not loopback, for GetNetworkInterfaces. */
public final class LocalInterfaces {

    private LocalInterfaces() {
    }

    public static List<NetworkInterfaceInfo> list() {
        List<NetworkInterfaceInfo> result = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                byte[] mac = nic.getHardwareAddress();
                Optional<InterfaceAddress> ipv4 = nic.getInterfaceAddresses().stream()
                        .filter(address -> address.getAddress() instanceof Inet4Address).findFirst();
                result.add(new NetworkInterfaceInfo(nic.getName(),
                        mac == null ? "" : HexFormat.ofDelimiter(":").formatHex(mac),
                        ipv4.map(address -> address.getAddress().getHostAddress()).orElse(""),
                        ipv4.map(address -> (int) address.getNetworkPrefixLength()).orElse(0),
                        Math.max(nic.getMTU(), 0)));
            }
        } catch (SocketException e) {
            return result;
        }
        return result;
    }
}
