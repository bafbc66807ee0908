package io.streampulse.streamer.onvif;

/**
 * One network interface as GetNetworkInterfaces reports it (Home Assistant takes the MAC as the device id).
 *
 * @param mac    aa:bb:cc:dd:ee:ff, empty when the interface has none
 * @param ipv4   dotted address, empty when none
 */
public record NetworkInterfaceInfo(String name, String mac, String ipv4, int prefixLength, int mtu) {
}
