package io.streampulse.monitor.probe.frame;

import java.nio.charset.StandardCharsets;

/** Percent-encodes UTF-8 text, keeping only ASCII letters, digits and the given characters (pure). */
final class PercentEncoder {

    private PercentEncoder() {
    }

    static String encode(String value, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || keep.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
