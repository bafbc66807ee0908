package io.streampulse.streamer.engine;

import io.streampulse.shared.config.StreamerSection;

import java.time.ZoneId;

/**
 * What the pipeline needs, taken from the {@code streamer} section (and the suite's timezone).
 *
 * @param sessionTimeoutMillis RTSP sessions without a keepalive for this long are closed (60 s, gortsplib's)
 * @param username             RTSP (and ONVIF) user; empty: no authentication
 */
public record DashboardSettings(String siteName, int width, int height, int frameRate, long cycleMillis,
                                String streamName, int rtspPort, long sessionTimeoutMillis, String username,
                                String password, ZoneId zone) {

    public static DashboardSettings of(StreamerSection section, ZoneId zone) {
        return new DashboardSettings("YoLink Dashboard", section.width() / 2 * 2, section.height() / 2 * 2,
                section.frameRate(), section.cycleIntervalMs(), section.streamName(), section.rtspPort(), 60_000,
                section.onvifUsername(), section.onvifPassword().value(), zone);
    }
}
