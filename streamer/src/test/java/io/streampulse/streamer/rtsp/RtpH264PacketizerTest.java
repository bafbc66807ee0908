package io.streampulse.streamer.rtsp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RtpH264PacketizerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void packetize_smallNalsGoAlone_markerOnTheLast() {
        RtpH264Packetizer packetizer = new RtpH264Packetizer(96, 0x11223344, 1400);
        List<byte[]> packets = packetizer.packetize(List.of(HEX.parseHex("6742c028"), HEX.parseHex("68ce3c80")),
                0x01020304, 0xFFFF);
        assertEquals(2, packets.size());
        assertEquals("8060ffff01020304112233446742c028", HEX.formatHex(packets.get(0)));
        // sequence wraps to 0; marker bit set on the access unit's last packet
        assertEquals("80e0000001020304112233446" + "8ce3c80", HEX.formatHex(packets.get(1)));
    }

    @Test
    void packetize_largeNalIsSplitIntoFuA() {
        RtpH264Packetizer packetizer = new RtpH264Packetizer(96, 1, 4);
        byte[] idr = HEX.parseHex("65aabbccddee");
        List<byte[]> packets = packetizer.packetize(List.of(idr), 90_000, 10);
        // FU indicator = NRI of 0x65 (0x60) | 28 = 0x7c; header S/E bits | type 5; 2 payload bytes each
        assertEquals(List.of("7c85aabb", "7c05ccdd", "7c45ee"), packets.stream()
                .map(packet -> HEX.formatHex(packet, 12, packet.length)).toList());
        assertEquals(List.of(0x60, 0x60, 0xE0), packets.stream().map(packet -> packet[1] & 0xFF).toList());
        assertArrayEquals(new byte[] {0, 12}, new byte[] {packets.get(2)[2], packets.get(2)[3]});
    }
}
