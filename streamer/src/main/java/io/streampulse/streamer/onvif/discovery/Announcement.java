package io.streampulse.streamer.onvif.discovery;

import java.util.List;

/**
 * What a discovery message says about the device.
 *
 * @param endpoint   urn:uuid:..., stable across restarts
 * @param xaddr      the device service URL on the address the receiver can reach
 * @param instanceId AppSequence InstanceId: changes at every start (seconds since the epoch)
 */
public record Announcement(String endpoint, List<String> scopes, String xaddr, long instanceId) {
}
