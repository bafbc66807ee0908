package io.streampulse.streamer.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Splits the client's byte stream into whole RTSP messages (handed on to Netty's RtspDecoder) and {@code $}
 * interleaved packets (RFC 2326 §10.12), which RtspDecoder does not know: the peek gortsplib does in
 * {@code conn.go}. Headers over 8 KiB or bodies over 64 KiB are refused.
 */
final class RtspMessageFramer extends ByteToMessageDecoder {

    static final int MAX_HEADER = 8_192;
    static final int MAX_BODY = 65_536;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
        while (in.isReadable()) {
            byte first = in.getByte(in.readerIndex());
            if (first == '\r' || first == '\n') {
                in.skipBytes(1);
            } else if (first == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int length = in.getUnsignedShort(in.readerIndex() + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                out.add(new InterleavedFrame(in.getUnsignedByte(in.readerIndex() + 1)));
                in.skipBytes(4 + length);
            } else {
                ByteBuf message = message(in);
                if (message == null) {
                    return;
                }
                out.add(message);
            }
        }
    }

    private static ByteBuf message(ByteBuf in) throws TooLongFrameException {
        int start = in.readerIndex();
        int searchEnd = Math.min(in.writerIndex(), start + MAX_HEADER);
        int headerEnd = -1;
        for (int i = start; i + 3 < searchEnd; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                headerEnd = i + 4;
                break;
            }
        }
        if (headerEnd < 0) {
            if (in.readableBytes() >= MAX_HEADER) {
                throw new TooLongFrameException("RTSP request header longer than " + MAX_HEADER + " bytes");
            }
            return null;
        }
        int body = contentLength(in.toString(start, headerEnd - start, StandardCharsets.ISO_8859_1));
        if (in.readableBytes() < headerEnd - start + body) {
            return null;
        }
        return in.readRetainedSlice(headerEnd - start + body);
    }

    static int contentLength(String header) throws TooLongFrameException {
        for (String line : header.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                long length;
                try {
                    length = Long.parseLong(line.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    throw new TooLongFrameException("RTSP Content-Length is not a number: " + line);
                }
                if (length < 0 || length > MAX_BODY) {
                    throw new TooLongFrameException("RTSP body of " + length + " bytes (at most " + MAX_BODY + ")");
                }
                return (int) length;
            }
        }
        return 0;
    }
}
