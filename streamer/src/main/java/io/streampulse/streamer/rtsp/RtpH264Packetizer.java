package io.streampulse.streamer.rtsp;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6184 packetization mode 1 (pure): a NAL unit that fits goes alone in a packet, a larger one is split into
 * FU-A fragments. The marker bit is set on the last packet of the access unit. Sequence numbers continue from
 * {@code firstSequence}, wrapping at 16 bits.
 */
public final class RtpH264Packetizer {

    static final int HEADER = 12;

    private final int payloadType;
    private final int ssrc;
    private final int maxPayload;

    /** @param maxPayload bytes of RTP payload per packet (MTU minus IP, UDP and RTP headers: 1,400 is safe) */
    public RtpH264Packetizer(int payloadType, int ssrc, int maxPayload) {
        if (maxPayload < 3) {
            throw new IllegalArgumentException("max payload must leave room for FU headers, got " + maxPayload);
        }
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.maxPayload = maxPayload;
    }

    public List<byte[]> packetize(List<byte[]> nals, int timestamp, int firstSequence) {
        List<byte[]> payloads = new ArrayList<>();
        for (byte[] nal : nals) {
            if (nal.length <= maxPayload) {
                payloads.add(nal);
            } else {
                fragment(nal, payloads);
            }
        }
        List<byte[]> packets = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(packet(payloads.get(i), i == payloads.size() - 1, timestamp, firstSequence + i));
        }
        return packets;
    }

    private void fragment(byte[] nal, List<byte[]> payloads) {
        byte indicator = (byte) ((nal[0] & 0xE0) | 28);
        int type = nal[0] & 0x1F;
        int chunk = maxPayload - 2;
        for (int offset = 1; offset < nal.length; offset += chunk) {
            int length = Math.min(chunk, nal.length - offset);
            byte[] payload = new byte[length + 2];
            payload[0] = indicator;
            payload[1] = (byte) ((offset == 1 ? 0x80 : 0) | (offset + length == nal.length ? 0x40 : 0) | type);
            System.arraycopy(nal, offset, payload, 2, length);
            payloads.add(payload);
        }
    }

    private byte[] packet(byte[] payload, boolean marker, int timestamp, int sequence) {
        byte[] packet = new byte[HEADER + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        putInt(packet, 4, timestamp);
        putInt(packet, 8, ssrc);
        System.arraycopy(payload, 0, packet, HEADER, payload.length);
        return packet;
    }

    static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
