package io.streampulse.streamer.rtsp;

/** A {@code $}-framed packet the client sent inside the RTSP connection (RTCP receiver reports); only its channel matters. */
record InterleavedFrame(int channel) {
}
