package io.streampulse.webgui.live;

/**
 * One message for the browsers, already encoded once for all of them. {@code key} names what it is about
 * ({@code stream:<id>}, {@code device:<id>}, {@code service:<id>}, {@code alert:<id>}): a newer message with the same
 * key replaces one not yet sent (latest state wins).
 */
public record LiveMessage(String key, String json) {
}
