package io.streampulse.shared.config;

import java.util.ArrayList;
import java.util.List;

/** The config keys that hold secrets, which the writer stores encrypted (pure). */
final class SecretFields {

    static final List<String> FIXED = List.of("mqtt.password", "yolink.secret_key", "receivers.chekt.api_token",
            "receivers.sia.key", "streamer.onvif.password");

    private SecretFields() {
    }

    static List<String> in(ConfigDocument document) {
        List<String> paths = new ArrayList<>(FIXED);
        for (int i = 0; i < document.size("streams"); i++) {
            paths.add("streams[" + i + "].password");
        }
        return paths;
    }
}
