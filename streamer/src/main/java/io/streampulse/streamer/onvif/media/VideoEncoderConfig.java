package io.streampulse.streamer.onvif.media;

/**
 * One profile's VideoEncoderConfiguration as ONVIF shows it (always H264).
 *
 * @param token        configuration token ({@code <profile>_encoder})
 * @param profile      the profile token it belongs to ({@code main}, {@code sub}); also the RTSP path suffix
 * @param frameRateLimit frames per second the client asked for (stored and reported; pictures follow FRAME_RATE)
 * @param govLength    stored and reported; keyframes follow the frame loop (every 10 s) and new clients
 */
public record VideoEncoderConfig(String token, String name, String profile, int width, int height, int quality,
                                 int frameRateLimit, int encodingInterval, int bitrateKbps, int govLength) {

    public VideoEncoderConfig withResolution(int newWidth, int newHeight) {
        return new VideoEncoderConfig(token, name, profile, newWidth, newHeight, quality, frameRateLimit,
                encodingInterval, bitrateKbps, govLength);
    }
}
