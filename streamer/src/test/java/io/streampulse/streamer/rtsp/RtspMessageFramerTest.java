package io.streampulse.streamer.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RtspMessageFramerTest {

    @Test
    void decode_separatesInterleavedPacketsFromRequests_acrossChunks() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtspMessageFramer());
        channel.writeInbound(bytes("$\u0001\u0000\u0003abcOPTIONS rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\n"));
        assertEquals(new InterleavedFrame(1), channel.readInbound());
        assertNull(channel.readInbound());
        channel.writeInbound(bytes("\r\nSET_PARAMETER rtsp://h/ RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 4\r\n\r\nab"));
        assertEquals("OPTIONS rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\n\r\n", text(channel.readInbound()));
        assertNull(channel.readInbound());
        channel.writeInbound(bytes("cd"));
        assertEquals("SET_PARAMETER rtsp://h/ RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 4\r\n\r\nabcd",
                text(channel.readInbound()));
    }

    @Test
    void decode_refusesOversizedHeadersAndBodies() {
        EmbeddedChannel endless = new EmbeddedChannel(new RtspMessageFramer());
        assertThrows(DecoderException.class, () -> endless.writeInbound(bytes("A".repeat(9_000))));
        EmbeddedChannel huge = new EmbeddedChannel(new RtspMessageFramer());
        assertThrows(DecoderException.class, () -> huge.writeInbound(bytes(
                "ANNOUNCE rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 999999\r\n\r\n")));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static String text(ByteBuf buffer) {
        try {
            return buffer.toString(StandardCharsets.ISO_8859_1);
        } finally {
            buffer.release();
        }
    }
}
