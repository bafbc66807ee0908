package io.streampulse.streamer.engine;

/**
 * What the frame loop did last (for /status and the bench).
 *
 * @param frames          pictures drawn and encoded since start
 * @param lastFrameMillis wall time of the newest
 * @param renderMicros    drawing time of the newest
 * @param encodeMicros    encoding time of the newest, all profiles together
 * @param meanEncodeMicros mean encoding time per picture, all profiles together
 */
public record FrameStats(long frames, long lastFrameMillis, long renderMicros, long encodeMicros,
                         long meanEncodeMicros) {
}
