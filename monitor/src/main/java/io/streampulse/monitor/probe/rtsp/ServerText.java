package io.streampulse.monitor.probe.rtsp;

/**
 * Makes text that came from the server fit for a status message (pure): printable ASCII only, one line,
 * at most {@link #MAX_LENGTH} characters. Why: reason phrases, Server headers and the first bytes of a
 * non-RTSP answer end up in the dashboard and the database, and a server can send anything.
 */
final class ServerText {

    static final int MAX_LENGTH = 60;

    private ServerText() {
    }

    static String clip(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                break;
            }
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        String clipped = out.toString().trim();
        return text.length() > MAX_LENGTH && clipped.length() == MAX_LENGTH ? clipped + "..." : clipped;
    }
}
