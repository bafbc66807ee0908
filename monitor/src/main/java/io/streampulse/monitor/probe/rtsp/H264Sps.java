package io.streampulse.monitor.probe.rtsp;

/**
 * What a camera's H.264 sequence parameter set says about the picture (pure value).
 *
 * @param profile "Baseline", "Constrained Baseline", "Main", "High", "High 4:2:2", ... (ffprobe's names)
 * @param level   "3.1", "4", "1b"
 * @param width   displayed width in pixels, after frame cropping
 * @param height  displayed height in pixels, after cropping, both fields counted for interlaced video
 */
public record H264Sps(int profileIdc, String profile, String level, int width, int height, boolean interlaced) {
}
