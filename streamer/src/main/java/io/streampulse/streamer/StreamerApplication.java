package io.streampulse.streamer;

import io.micronaut.runtime.Micronaut;

/** The streamer process: the sensor dashboard as an RTSP camera with an ONVIF face. */
public final class StreamerApplication {

    private StreamerApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(StreamerApplication.class, args);
    }
}
