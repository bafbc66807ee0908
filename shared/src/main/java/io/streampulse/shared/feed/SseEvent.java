package io.streampulse.shared.feed;

/** One server-sent event: its name ("message" when the server gave none), data and id ("" when none). */
public record SseEvent(String name, String data, String id) {
}
