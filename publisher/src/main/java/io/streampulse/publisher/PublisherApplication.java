package io.streampulse.publisher;

import io.micronaut.runtime.Micronaut;

/** The publisher process: publishes stream and sensor status to the user's MQTT broker. */
public final class PublisherApplication {

    private PublisherApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(PublisherApplication.class, args);
    }
}
