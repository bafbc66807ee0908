package io.streampulse.streamer.rtsp;

import java.util.List;

/** One access unit as RTP packets, made once and sent to every client. */
record PacketizedUnit(int rtpTimestamp, List<byte[]> packets, boolean keyframe) {
}
