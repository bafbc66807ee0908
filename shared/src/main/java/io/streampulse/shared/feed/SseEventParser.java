package io.streampulse.shared.feed;

import java.util.Optional;

/**
 * Reads a text/event-stream line by line (pure, one instance per connection): fields accumulate until a blank
 * line dispatches the event, as the WHATWG spec says; comments (":") and unknown fields are ignored.
 */
public final class SseEventParser {

    private String name = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String id = "";

    /** Feeds one line (without its line break); returns the event a blank line completes. */
    public Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> id = value;
            default -> {
                // "retry" and unknown fields: nothing we use
            }
        }
        return Optional.empty();
    }

    private Optional<SseEvent> dispatch() {
        Optional<SseEvent> event = hasData
                ? Optional.of(new SseEvent(name.isEmpty() ? "message" : name, data.toString(), id))
                : Optional.empty();
        name = "";
        data.setLength(0);
        hasData = false;
        return event;
    }
}
