package io.streampulse.publisher.discovery;

/** Home Assistant's {@code origin} block: which software published the discovery config. */
public record Origin(String name, String swVersion, String supportUrl) {
}
