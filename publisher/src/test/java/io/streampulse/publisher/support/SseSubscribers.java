package io.streampulse.publisher.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open event streams of a fake SSE server; a stream that fails a write is dropped. */
public final class SseSubscribers {

    private final List<OutputStream> open = new CopyOnWriteArrayList<>();

    /** Writes the opening (snapshot) events to a new stream and keeps it for the live ones. */
    public void add(OutputStream out, String opening) {
        if (write(out, opening)) {
            open.add(out);
        }
    }

    public void broadcast(String text) {
        for (OutputStream out : open) {
            if (!write(out, text)) {
                open.remove(out);
            }
        }
    }

    public int size() {
        return open.size();
    }

    public void clear() {
        open.clear();
    }

    private static boolean write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
