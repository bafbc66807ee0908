package io.streampulse.publisher;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The machine's name for the default MQTT client id: $HOSTNAME (set in containers), else the resolver's answer. */
final class HostName {

    private HostName() {
    }

    static String current() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
