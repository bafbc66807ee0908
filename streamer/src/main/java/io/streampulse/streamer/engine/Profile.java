package io.streampulse.streamer.engine;

import io.streampulse.streamer.encode.H264Encoder;
import io.streampulse.streamer.rtsp.MediaStream;

/** One encoded output: its encoder and the RTSP stream it feeds. */
public record Profile(String token, H264Encoder encoder, MediaStream stream) {

    /** The encoded width now (the sub profile's can change through ONVIF). */
    public int width() {
        return encoder.settings().width();
    }

    public int height() {
        return encoder.settings().height();
    }
}
