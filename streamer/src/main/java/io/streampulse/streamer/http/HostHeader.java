package io.streampulse.streamer.http;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * The host and port a client reached us by, for the URIs handed back to it: the Host header (a port-less Host
 * means 80), else the connection's local address. A wildcard (0.0.0.0, ::) is never handed out: the local address
 * of the connection replaces it. Pure.
 */
record HostHeader(String host, int port) {

    static HostHeader parse(String header, InetSocketAddress local) {
        if (header != null && !header.isBlank()) {
            String value = header.strip();
            String host;
            String port = "";
            if (value.startsWith("[")) {
                int end = value.indexOf(']');
                host = end < 0 ? value : value.substring(0, end + 1);
                port = end >= 0 && value.length() > end + 2 && value.charAt(end + 1) == ':'
                        ? value.substring(end + 2) : "";
            } else {
                int colon = value.lastIndexOf(':');
                host = colon < 0 ? value : value.substring(0, colon);
                port = colon < 0 ? "" : value.substring(colon + 1);
            }
            if (valid(host) && !wildcard(host)) {
                return new HostHeader(host, port.isEmpty() ? 80 : parsePort(port, local.getPort()));
            }
        }
        return new HostHeader(literal(local), local.getPort());
    }

    private static boolean valid(String host) {
        return host.matches("[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    }

    private static boolean wildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("[::]") || host.equals("[0:0:0:0:0:0:0:0]");
    }

    private static int parsePort(String text, int fallback) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65_536 ? port : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String literal(InetSocketAddress local) {
        return local.getAddress() instanceof Inet6Address v6
                ? "[" + v6.getHostAddress().replaceFirst("%.*$", "") + "]" : local.getAddress().getHostAddress();
    }
}
