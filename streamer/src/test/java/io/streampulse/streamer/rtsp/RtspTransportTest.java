package io.streampulse.streamer.rtsp;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtspTransportTest {

    @Test
    void choose_readsTcpAndUdpOffers() {
        assertEquals(Optional.of(new RtspTransport(true, 2, 3)),
                RtspTransport.choose("RTP/AVP/TCP;unicast;interleaved=2-3"));
        assertEquals(Optional.of(new RtspTransport(false, 5000, 5001)),
                RtspTransport.choose("RTP/AVP;unicast;client_port=5000-5001"));
        assertEquals(Optional.of(new RtspTransport(true, 0, 1)), RtspTransport.choose("RTP/AVP/TCP;unicast"));
    }

    @Test
    void choose_skipsWhatWeDoNotServe() {
        assertEquals(Optional.of(new RtspTransport(false, 6000, 6001)), RtspTransport.choose(
                "RTP/AVP;multicast;port=5000-5001,RTP/AVP;unicast;client_port=6000-6001"));
        assertEquals(Optional.empty(), RtspTransport.choose("RTP/AVP;unicast;client_port=5000-5001;mode=record"));
        assertEquals(Optional.empty(), RtspTransport.choose("RTP/AVP;unicast;client_port=x-y"));
        assertEquals(Optional.empty(), RtspTransport.choose("RAW/RAW/UDP;unicast"));
        assertEquals(Optional.empty(), RtspTransport.choose(null));
    }

    @Test
    void reply_echoesTheClientsChoice() {
        assertEquals("RTP/AVP;unicast;client_port=5000-5001;server_port=7000-7001;ssrc=0000ABCD",
                new RtspTransport(false, 5000, 5001).reply(0xABCD, 7000, 7001));
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=FFFFFFFF",
                new RtspTransport(true, 0, 1).reply(-1, 7000, 7001));
    }
}
