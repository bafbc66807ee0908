package io.streampulse.publisher.discovery;

/** Home Assistant's {@code device} block: the entities of one stream or sensor grouped under one device. */
public record HaDevice(String identifier, String name, String manufacturer, String model) {
}
