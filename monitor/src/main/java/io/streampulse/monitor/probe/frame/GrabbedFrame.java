package io.streampulse.monitor.probe.frame;

import java.awt.image.BufferedImage;

/**
 * One decoded picture from a stream.
 *
 * @param codec    FFmpeg's decoder name ("h264", "hevc", "mjpeg")
 * @param luma     the brightness plane, for {@link FrameStats}
 * @param picture  the colour picture, for the thumbnail
 * @param decodeMs from the start of the open to the decoded picture, queueing excluded
 */
public record GrabbedFrame(int width, int height, String codec, LumaPlane luma, BufferedImage picture, long decodeMs) {
}
