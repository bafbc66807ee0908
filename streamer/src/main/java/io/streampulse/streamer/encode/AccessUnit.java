package io.streampulse.streamer.encode;

import java.util.List;

/**
 * One encoded picture: its NAL units without start codes.
 *
 * @param nals      NAL units in decoding order
 * @param keyframe  whether it starts with an IDR (and then carries SPS and PPS)
 * @param ptsMillis when the picture was drawn (wall-clock ms)
 */
public record AccessUnit(List<byte[]> nals, boolean keyframe, long ptsMillis) {

    public AccessUnit {
        nals = List.copyOf(nals);
    }

    public int size() {
        return nals.stream().mapToInt(nal -> nal.length).sum();
    }
}
